import { EmbeddedPostgresServer } from '@app/persistence';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { LOG_DIR_KEY } from './file-logger.js';
import { freePort } from './free-port.js';
import { scanForLeaks } from './leak-scan.js';
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
  var e2eDatabaseUrls: string[] | undefined;
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
  globalThis.e2eDatabaseUrls = [templateUrl];
  for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker++) {
    await recreateDatabase(workerDatabaseUrl(templateUrl, worker), databaseName(templateUrl));
    globalThis.e2eDatabaseUrls.push(workerDatabaseUrl(templateUrl, worker));
  }
  process.env[TEMPLATE_DATABASE_URL_KEY] = templateUrl;
  process.env[LOG_DIR_KEY] = await mkdtemp(join(tmpdir(), 'orchestrator-e2e-logs-'));
}

/**
 * Scans every test database and log for leaked card data and secrets (failing the run if any is
 * found), then stops the embedded PostgreSQL that setup started (a DATABASE_URL server is left).
 */
export async function releaseE2eDatabases(): Promise<void> {
  const logDir = process.env[LOG_DIR_KEY];
  try {
    const findings = await scanForLeaks(globalThis.e2eDatabaseUrls ?? [], logDir);
    if (findings.length > 0) {
      throw new Error(
        `Leak scan: ${findings.length} finding(s):\n${findings.slice(0, 30).join('\n')}`,
      );
    }
  } finally {
    await globalThis.e2eEmbeddedPostgres?.stop();
    globalThis.e2eEmbeddedPostgres = undefined;
    if (logDir) await rm(logDir, { recursive: true, force: true });
  }
}

/**
 * Every table the apps write, and graphile-worker's jobs: a clean slate for the next test. What
 * the last test stored is scanned for leaked card data and secrets first (see leak-scan.ts).
 */
export async function emptyTables(url: string): Promise<void> {
  const findings = await scanForLeaks([url]);
  if (findings.length > 0) throw new Error(`Leak scan before emptying: ${findings.join('; ')}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `TRUNCATE authentications, authentication_events, authentication_input_counts,
         idempotency_keys, provider_events, result_claims,
         team_endpoints, team_events, event_deliveries, event_delivery_attempts, job_workers,
         graphile_worker._private_jobs`,
    );
  } finally {
    await client.end();
  }
}
