import { createHash } from 'node:crypto';
import pg from 'pg';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_A, TEAM_B, testDatabaseUrl } from '../../support/test-config.js';

/** Idempotency-Key on POST /v1/authentications (Stripe / IETF httpapi semantics). */
describe('idempotency keys (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  // Before each: rows left by other spec files in this worker would skew the counts.
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const create = (body: object, key: string | undefined, apiKey: string = TEAM_A.apiKey) =>
    ctx.client.as(apiKey).createUnchecked(body, { idempotencyKey: key ?? null });
  const sessionsCreated = async (): Promise<number> =>
    (await ctx.checkout.control('GET', '/counters')).body.sessions_created as number;
  const authenticationRows = async (): Promise<number> => {
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM authentications',
    );
    await client.end();
    return rows[0].n;
  };

  it('answers a retried create with the first response, creating one Checkout session', async () => {
    const body = aCreateBody('4485040371536584', { channel_data: aBrowserChannel() });
    const first = await create(body, 'order-1001-attempt').expect(201);
    const second = await create(body, 'order-1001-attempt').expect(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await sessionsCreated()).toBe(1);
    expect(await authenticationRows()).toBe(1);
  });

  it('refuses the same key with a different body with 422 and creates nothing more', async () => {
    await create(aCreateBody('4485040371536584'), 'key-reused').expect(201);
    const reused = await create(
      aCreateBody('4485040371536584', { amount: 1 }),
      'key-reused',
    ).expect(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await sessionsCreated()).toBe(1);
  });

  it('lets 20 concurrent duplicates through to Checkout once', async () => {
    const body = aCreateBody('4485040371536584', { channel_data: aBrowserChannel() });
    const answers = await Promise.all(Array.from({ length: 20 }, () => create(body, 'burst-key')));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    for (const busy of answers.filter((answer) => answer.status === 409)) {
      expect(busy.body.error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    }
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    const ids = new Set(
      answers.filter((answer) => answer.status === 201).map((answer) => answer.body.id),
    );
    expect(ids.size).toBe(1);
    expect(await sessionsCreated()).toBe(1);
    expect(await authenticationRows()).toBe(1);
  });

  it('requires the header and stores nothing without it', async () => {
    const refused = await create(aCreateBody('4485040371536584'), undefined).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    // One refused header, said as every one refused field is (InvalidRequestError).
    expect(refused.body.error).toMatchObject({
      message: 'Idempotency-Key is required',
      details: { errors: [{ param: 'Idempotency-Key', message: 'is required' }] },
    });
    const long = await create(aCreateBody('4485040371536584'), 'x'.repeat(256)).expect(400);
    expect(long.body.error.message).toBe('Idempotency-Key must be 1–255 visible ASCII characters');
    expect(await sessionsCreated()).toBe(0);
    expect(await authenticationRows()).toBe(0);
  });

  it('keeps keys per team', async () => {
    await create(aCreateBody('4485040371536584'), 'shared-key', TEAM_A.apiKey).expect(201);
    const other = await create(aCreateBody('4485040371536584'), 'shared-key', TEAM_B.apiKey).expect(
      201,
    );
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(await sessionsCreated()).toBe(2);
  });

  it('replays a refused request as refused', async () => {
    const invalid = { ...aCreateBody('4242424242424241') };
    const first = await create(invalid, 'invalid-card').expect(400);
    const second = await create(invalid, 'invalid-card').expect(400);
    // The same answer; each response carries its own request id.
    const { request_id: firstId, ...firstError } = first.body.error;
    const { request_id: secondId, ...secondError } = second.body.error;
    expect(secondError).toEqual(firstError);
    expect(secondId).not.toBe(firstId);
    expect(await sessionsCreated()).toBe(0);
  });

  it('lets a retry take over a key left in progress by a process that died', async () => {
    const body = aCreateBody('4485040371536584');
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    // Hashed in SQL as the migration hashed the keys kept before keys were hashed.
    const keyHash = (key: string) => `encode(sha256(convert_to('${key}', 'UTF8')), 'hex')`;
    await client.query(
      `INSERT INTO idempotency_keys (team_id, key_hash, request_hash, state, updated_at)
       VALUES ($1, ${keyHash('orphan-key')}, $2, 'in_progress', now() - interval '10 minutes'),
              ($1, ${keyHash('busy-key')}, $2, 'in_progress', now())`,
      [TEAM_A.team, hash],
    );
    await client.end();
    await create(body, 'orphan-key').expect(201);
    const busy = await create(body, 'busy-key').expect(409);
    expect(busy.body.error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
  });

  it('keeps only the hash of a key, whatever it holds, and never refuses it for its content', async () => {
    const keys = ['ORDER-1732550400000', 'order-4485.0403.7153.6584', 'auth_0000000000000'];
    for (const key of keys) await create(aCreateBody('4485040371536584'), key).expect(201);
    const replay = await create(aCreateBody('4485040371536584'), keys[1]).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const stored = await ctx.sql<{ key_hash: string }>(
      'SELECT key_hash FROM idempotency_keys ORDER BY created_at',
    );
    expect(stored.map((row) => row.key_hash).sort()).toEqual(
      keys.map((key) => createHash('sha256').update(key).digest('hex')).sort(),
    );
    const dump = JSON.stringify(await ctx.sql('SELECT * FROM idempotency_keys'));
    for (const key of keys) expect(dump).not.toContain(key);
  });
});
