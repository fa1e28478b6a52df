import { installJobQueueSchema, typeOrmOptions } from '@app/persistence';
import pg from 'pg';
import { DataSource } from 'typeorm';

/** Environment key through which global setup hands the prepared template URL to workers. */
export const TEMPLATE_DATABASE_URL_KEY = 'E2E_TEMPLATE_DATABASE_URL';

/** DDH's guard: the e2e suite drops and recreates databases, so it only touches `*_test` ones. */
export function assertTestDatabase(url: string): string {
  const name = databaseName(url);
  if (!name.endsWith('_test')) {
    throw new Error(
      `Refusing to run e2e tests against database "${name}": its name must end in "_test".`,
    );
  }
  return name;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** `orders_test` → `orders_w2_test`: still a test database, one per Jest worker. */
export function workerDatabaseUrl(templateUrl: string, workerId: number): string {
  const name = databaseName(templateUrl).replace(/_test$/, `_w${workerId}_test`);
  return withDatabase(templateUrl, name);
}

/** Drops (ending open sessions) and creates a database, optionally as a copy of a template. */
export async function recreateDatabase(url: string, template?: string): Promise<void> {
  const name = assertTestDatabase(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await admin.query(
      `CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`,
    );
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = assertTestDatabase(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function runMigrations(url: string): Promise<void> {
  const dataSource = new DataSource(typeOrmOptions(url, { poolSize: 1 }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await installJobQueueSchema(url);
}

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;
