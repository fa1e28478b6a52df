import pg from 'pg';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { anAppChannel } from '../../support/simulator/factories.js';
import { testDatabaseUrl } from '../../support/test-config.js';

/** Inputs and upstream failures at the edges: always a coded 4xx/5xx, never a crash or a leak. */
describe('edge cases (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const query = async <T extends object>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it.each([
    ['no source', { amount: 100, currency: 'EUR', channel: 'browser', reference: 'R-1' }],
    [
      'an unknown source type',
      aCreateBody('4485040371536584', { source: { type: 'iban', id: 'x' } }),
    ],
    ['a string source', aCreateBody('4485040371536584', { source: 'card' })],
    [
      'app data without its key',
      aCreateBody('4485040371536584', {
        channel: 'app',
        channel_data: { ...anAppChannel(), sdk_ephem_pub_key: undefined },
      }),
    ],
  ])('refuses a create with %s with 400 VALIDATION_FAILED', async (_case, body) => {
    const refused = await ctx.client.createUnchecked(body).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect((await ctx.checkout.control('GET', '/counters')).body.sessions_created).toBe(0);
  });

  it('refuses channel data without channel_data with 400', async () => {
    const created = await ctx.client.create(aCreateBody('4556085951507152')).expect(201);
    const refused = await ctx
      .api('post', `/v1/authentications/${created.body.id}/channel-data`)
      .send({})
      .expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['a 503', { kind: 'status', status: 503 }, 503, 'UPSTREAM_BUSY'],
    ['a dropped connection', { kind: 'reset' }, 502, 'UPSTREAM_UNAVAILABLE'],
  ])(
    'treats %s from the token endpoint as "nothing sent": %i, and the key can be retried',
    async (_case, fault, status, code) => {
      await ctx.checkout.control('POST', '/faults', {
        route: 'POST /connect/token',
        times: 1,
        ...fault,
      });
      const body = aCreateBody('4485040371536584');
      const failed = await ctx.client
        .create(body, { idempotencyKey: 'token-outage' })
        .expect(status);
      expect(failed.body.error.code).toBe(code);
      const retried = await ctx.client.create(body, { idempotencyKey: 'token-outage' }).expect(201);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      expect(retried.body.state).toBe('awaiting_issuer_fingerprint');
    },
  );

  it('gives no gateway payload for an authentication that failed before Checkout', async () => {
    await ctx.checkout.control('POST', '/faults', {
      route: 'POST /sessions',
      kind: 'status',
      status: 503,
      times: 1,
    });
    await ctx.client.create(aCreateBody('4485040371536584')).expect(503);
    const [row] = await query<{ id: string; state: string; outcome: string }>(
      'SELECT id, state, outcome FROM authentications',
    );
    expect(row).toMatchObject({ state: 'closed', outcome: 'error' });
    for (const format of ['checkout', 'stripe', 'adyen']) {
      const refused = await ctx
        .api('get', `/v1/authentications/${row.id}/result?format=${format}`)
        .expect(422);
      expect(refused.body.error.code).toBe('RESULT_NOT_AUTHORIZABLE');
    }
    const generic = await ctx.api('get', `/v1/authentications/${row.id}/result`).expect(200);
    expect(generic.body).toMatchObject({ outcome: 'error', guidance: 'retry_authentication' });
  });

  it('stores the app session secret for replay only encrypted', async () => {
    const body = aCreateBody('4485040371536584', { channel: 'app', channel_data: anAppChannel() });
    const first = await ctx.client.create(body, { idempotencyKey: 'app-1' }).expect(201);
    expect(first.body.checkout_session_secret).toMatch(/^sek_/);
    const replay = await ctx.client.create(body, { idempotencyKey: 'app-1' }).expect(201);
    expect(replay.body.checkout_session_secret).toBe(first.body.checkout_session_secret);
    const dump = JSON.stringify(
      await query('SELECT row_to_json(k) AS row FROM idempotency_keys k'),
    );
    expect(dump).toContain('sealed');
    expect(dump).not.toContain(first.body.checkout_session_secret);
  });
});
