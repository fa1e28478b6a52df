import { typeOrmOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { idempotencyKeyHash } from '../../apps/orchestrator/src/http/idempotency.interceptor.js';
import { testDatabaseUrl } from '../support/test-config.js';

describe('migrations (e2e)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource(
      typeOrmOptions(testDatabaseUrl(), { poolSize: 1 }),
    ).initialize();
  });
  afterAll(() => dataSource.destroy());

  it('leaves no pending migration after global setup', async () => {
    await expect(dataSource.showMigrations()).resolves.toBe(false);
  });

  it('match the entities exactly (what migration:generate would write is empty)', async () => {
    const drift = await dataSource.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('revert cleanly and apply again', async () => {
    const scratch = new DataSource(typeOrmOptions(testDatabaseUrl(), { poolSize: 1 }));
    await scratch.initialize();
    try {
      const applied = (await scratch.query('SELECT count(*)::int AS n FROM typeorm_migrations'))[0]
        .n;
      for (let i = 0; i < applied; i++) await scratch.undoLastMigration();
      await expect(scratch.query(`SELECT to_regclass('authentications') AS t`)).resolves.toEqual([
        { t: null },
      ]);
      await scratch.runMigrations();
      await expect(scratch.showMigrations()).resolves.toBe(false);
    } finally {
      await scratch.destroy();
    }
  });

  it('hash the Idempotency-Keys kept before, the way the app hashes a presented one', async () => {
    const scratch = new DataSource(typeOrmOptions(testDatabaseUrl(), { poolSize: 1 }));
    await scratch.initialize();
    const applied = async () =>
      (
        await scratch.query('SELECT 1 FROM typeorm_migrations WHERE name = $1', [
          'IdempotencyKeyHashes1796317000000',
        ])
      ).length > 0;
    try {
      while (await applied()) await scratch.undoLastMigration();
      await scratch.query(
        `INSERT INTO idempotency_keys (team_id, key, request_hash, state)
         VALUES ('migration-test', 'order-1001-attempt', 'x', 'completed')`,
      );
      await scratch.runMigrations();
      await expect(
        scratch.query(`SELECT key_hash FROM idempotency_keys WHERE team_id = 'migration-test'`),
      ).resolves.toEqual([{ key_hash: idempotencyKeyHash('order-1001-attempt') }]);
    } finally {
      await scratch.query(`DELETE FROM idempotency_keys WHERE team_id = 'migration-test'`);
      await scratch.destroy();
    }
  });
});
