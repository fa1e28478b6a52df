import { typeOrmOptions } from '@app/persistence';
import { DataSource } from 'typeorm';
import { idempotencyKeyHash } from '../../apps/orchestrator/src/authentications/idempotency/idempotency-key.js';
import { testDatabaseUrl } from '../support/test-config.js';

/** Reverts every migration from `name` on, the last first. */
async function undoThrough(scratch: DataSource, name: string): Promise<void> {
  const applied = async () =>
    (await scratch.query('SELECT 1 FROM typeorm_migrations WHERE name = $1', [name])).length > 0;
  while (await applied()) await scratch.undoLastMigration();
}

/** A connection of its own with every migration from `name` on reverted (the caller reapplies). */
async function revertedBefore(name: string): Promise<DataSource> {
  const scratch = new DataSource(typeOrmOptions(testDatabaseUrl(), { poolSize: 1 }));
  await scratch.initialize();
  await undoThrough(scratch, name);
  return scratch;
}

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
    const scratch = await revertedBefore('IdempotencyKeyHashes1796317000000');
    try {
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

  it('keep every session id and event when the names become provider-neutral', async () => {
    const scratch = await revertedBefore('ProviderNeutralNames1796400000000');
    try {
      await scratch.query(
        `INSERT INTO authentications (id, team_id, state, reference, currency, channel, source_type,
           callback_token_hash, checkout_session_id, checkout_read_at)
         VALUES ('auth_migrationtest', 'migration-test', 'challenge_required', 'order-1', 'EUR',
           'browser', 'card', 'x', 'sid_migrationtest', now())`,
      );
      await scratch.query(
        `INSERT INTO checkout_webhook_events (id, type, checkout_session_id)
         VALUES ('evt_migrationtest', 'authentication_approved', 'sid_migrationtest')`,
      );
      await scratch.runMigrations();
      await expect(
        scratch.query(
          `SELECT provider, provider_session_id, provider_read_at IS NOT NULL AS read
           FROM authentications WHERE id = 'auth_migrationtest'`,
        ),
      ).resolves.toEqual([
        { provider: 'checkout', provider_session_id: 'sid_migrationtest', read: true },
      ]);
      await expect(
        scratch.query(
          `SELECT provider, provider_session_id FROM provider_events WHERE id = 'evt_migrationtest'`,
        ),
      ).resolves.toEqual([{ provider: 'checkout', provider_session_id: 'sid_migrationtest' }]);
    } finally {
      await scratch.query(`DELETE FROM authentications WHERE id = 'auth_migrationtest'`);
      await scratch.query(`DELETE FROM provider_events WHERE id = 'evt_migrationtest'`);
      await scratch.destroy();
    }
  });

  it('keep the answers kept as jsonb when the answer text arrives, and move the text back on revert', async () => {
    const scratch = await revertedBefore('ReplayBytes1796520000000');
    const answers = () =>
      scratch.query(
        `SELECT key_hash, response_body, response_text FROM idempotency_keys
         WHERE team_id = 'migration-test' ORDER BY key_hash`,
      );
    const key = (n: number) => String(n).repeat(64);
    try {
      await scratch.query(
        `INSERT INTO idempotency_keys (team_id, key_hash, request_hash, state, response_status, response_body)
         VALUES ('migration-test', $1, 'x', 'completed', 201, '{"id": "auth_old", "state": "created"}')`,
        [key(1)],
      );
      await scratch.runMigrations();
      await scratch.query(
        `INSERT INTO idempotency_keys (team_id, key_hash, request_hash, state, response_status, response_text)
         VALUES ('migration-test', $1, 'x', 'completed', 201, '{"state":"created","id":"auth_new"}')`,
        [key(2)],
      );
      await expect(answers()).resolves.toEqual([
        {
          key_hash: key(1),
          response_body: { id: 'auth_old', state: 'created' },
          response_text: null,
        },
        {
          key_hash: key(2),
          response_body: null,
          response_text: '{"state":"created","id":"auth_new"}',
        },
      ]);
      await undoThrough(scratch, 'ReplayBytes1796520000000');
      const reverted = await scratch.query(
        `SELECT response_body FROM idempotency_keys WHERE team_id = 'migration-test' ORDER BY key_hash`,
      );
      expect(reverted).toEqual([
        { response_body: { id: 'auth_old', state: 'created' } },
        { response_body: { id: 'auth_new', state: 'created' } },
      ]);
      await scratch.runMigrations();
    } finally {
      await scratch.query(`DELETE FROM idempotency_keys WHERE team_id = 'migration-test'`);
      await scratch.destroy();
    }
  });

  it('make the currencies kept before upper case, on authentications and claims', async () => {
    const scratch = await revertedBefore('CanonicalCurrencies1796527000000');
    try {
      await scratch.query(
        `INSERT INTO authentications (id, team_id, provider, state, reference, currency, channel,
           source_type, callback_token_hash)
         VALUES ('auth_currencytest', 'migration-test', 'checkout', 'completed', 'order-1', 'eur',
           'browser', 'card', 'x')`,
      );
      await scratch.query(
        `INSERT INTO result_claims (id, authentication_id, team_id, payment_reference, psp, amount,
           currency, status)
         VALUES ('clm_currencytest', 'auth_currencytest', 'migration-test', 'PAY-1', 'stripe', 1,
           'eur', 'active')`,
      );
      await scratch.runMigrations();
      await expect(
        scratch.query(
          `SELECT a.currency AS authenticated, c.currency AS claimed FROM authentications a
           JOIN result_claims c ON c.authentication_id = a.id WHERE a.id = 'auth_currencytest'`,
        ),
      ).resolves.toEqual([{ authenticated: 'EUR', claimed: 'EUR' }]);
    } finally {
      await scratch.query(`DELETE FROM result_claims WHERE id = 'clm_currencytest'`);
      await scratch.query(`DELETE FROM authentications WHERE id = 'auth_currencytest'`);
      await scratch.destroy();
    }
  });

  it('move pending deadlines and complete leases onto their authentications, and back on revert', async () => {
    const scratch = await revertedBefore('AuthenticationDue1796534000000');
    const jobs = () =>
      scratch.query(
        `SELECT j.key, t.identifier AS task, j.payload->>'attempt' AS attempt
         FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
         WHERE j.key LIKE '%:auth_duetest_%' ORDER BY j.key`,
      );
    try {
      await scratch.query(
        `INSERT INTO authentications (id, team_id, provider, state, reference, currency, channel,
           source_type, callback_token_hash, provider_session_id)
         VALUES ('auth_duetest_waiting', 'migration-test', 'checkout', 'challenge_required', 'o-1',
                 'EUR', 'browser', 'card', 'x', 'sid_duetest_waiting'),
                ('auth_duetest_ready', 'migration-test', 'checkout', 'result_ready', 'o-2',
                 'EUR', 'browser', 'card', 'x', 'sid_duetest_ready')`,
      );
      await scratch.query(
        `SELECT graphile_worker.add_job('recheck_authentication',
           json_build_object('authentication_id', 'auth_duetest_waiting', 'attempt', 3),
           run_at => now() + interval '1 day', job_key => 'recheck:auth_duetest_waiting'),
         graphile_worker.add_job('complete_checkout_session',
           json_build_object('authentication_id', 'auth_duetest_ready', 'attempt', 1),
           run_at => now() + interval '1 day', job_key => 'complete:auth_duetest_ready')`,
      );
      await scratch.runMigrations();
      await expect(
        scratch.query(
          `SELECT id, due_task, due_payload->>'attempt' AS attempt, due_at > now() AS later
           FROM authentications WHERE id LIKE 'auth_duetest_%' ORDER BY id`,
        ),
      ).resolves.toEqual([
        {
          id: 'auth_duetest_ready',
          due_task: 'complete_checkout_session',
          attempt: '1',
          later: true,
        },
        {
          id: 'auth_duetest_waiting',
          due_task: 'recheck_authentication',
          attempt: '3',
          later: true,
        },
      ]);
      await expect(jobs()).resolves.toEqual([]);

      await scratch.undoLastMigration();
      await expect(jobs()).resolves.toEqual([
        { key: 'complete:auth_duetest_ready', task: 'complete_checkout_session', attempt: '1' },
        { key: 'recheck:auth_duetest_waiting', task: 'recheck_authentication', attempt: '3' },
      ]);
      await scratch.runMigrations();
    } finally {
      await scratch.query(`SELECT graphile_worker.remove_job(key) FROM unnest(ARRAY[
        'recheck:auth_duetest_waiting', 'complete:auth_duetest_ready']) AS key`);
      await scratch.query(`DELETE FROM authentications WHERE id LIKE 'auth_duetest_%'`);
      await scratch.destroy();
    }
  });
});
