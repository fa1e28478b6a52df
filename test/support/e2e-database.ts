import { EmbeddedPostgresServer } from '@app/persistence';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';
import { traversableTempDir } from './temp-dir.js';
import {
  assertTestDatabase,
  databaseName,
  recreateDatabase,
  runMigrations,
  TEMPLATE_DATABASE_URL_KEY,
  workerDatabaseUrl,
} from './test-database.js';

interface JestGlobalConfig {
  readonly maxWorkers: number;
}

declare global {
  var e2eEmbeddedPostgres: EmbeddedPostgresServer | undefined;
}

/**
 * Once per run: find or start PostgreSQL, build a migrated template database, and clone one
 * database per Jest worker from it. With DATABASE_URL it must name a `*_test` database; without
 * it an embedded PostgreSQL is started in a temp dir and removed by global-teardown.
 */
export async function prepareE2eDatabases(globalConfig: JestGlobalConfig): Promise<void> {
  let templateUrl = process.env.DATABASE_URL;
  if (!templateUrl) {
    const server = await EmbeddedPostgresServer.start({
      dataDir: join(await traversableTempDir('orchestrator-e2e-'), 'pg'),
      port: await freePort(),
      ephemeral: true,
      unsafeFastWrites: true,
    });
    globalThis.e2eEmbeddedPostgres = server;
    templateUrl = server.urlFor('orchestrator_test');
  }
  assertTestDatabase(templateUrl);
  await recreateDatabase(templateUrl);
  await runMigrations(templateUrl);
  for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker++) {
    await recreateDatabase(workerDatabaseUrl(templateUrl, worker), databaseName(templateUrl));
  }
  process.env[TEMPLATE_DATABASE_URL_KEY] = templateUrl;
}

/** Stops the embedded PostgreSQL that setup started (a DATABASE_URL server is left as it is). */
export async function releaseE2eDatabases(): Promise<void> {
  await globalThis.e2eEmbeddedPostgres?.stop();
  globalThis.e2eEmbeddedPostgres = undefined;
}

/** Every table the apps write, and graphile-worker's jobs: a clean slate for the next test. */
export async function emptyTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `TRUNCATE authentications, authentication_events, idempotency_keys, checkout_webhook_events,
         team_endpoints, team_events, event_deliveries, event_delivery_attempts, job_workers,
         graphile_worker._private_jobs`,
    );
  } finally {
    await client.end();
  }
}
