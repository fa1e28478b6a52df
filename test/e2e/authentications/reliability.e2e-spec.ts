import pg from 'pg';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody as aCardBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { testDatabaseUrl } from '../../support/test-config.js';

/** Frictionless Y with a 3DS Method URL: without channel data, creation is one POST /sessions. */
const FINGERPRINT_CARD = '4485040371536584';

const aCreateBody = (reference: string) => aCardBody(FINGERPRINT_CARD, { reference });

interface LoggedRequest {
  readonly route: string;
  readonly status: number;
}

async function simulatorLog(ctx: Orchestration): Promise<LoggedRequest[]> {
  return (await ctx.checkout.control('GET', '/requests')).body.requests as LoggedRequest[];
}

async function counters(ctx: Orchestration): Promise<Record<string, number>> {
  return (await ctx.checkout.control('GET', '/counters')).body as Record<string, number>;
}

async function storedByReference(reference: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>(
      'SELECT *, provider_session_id AS checkout_session_id FROM authentications WHERE reference = $1',
      [reference],
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('Checkout reliability (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  describe('OAuth token', () => {
    it('shares one token request among 200 concurrent creations on a cold start', async () => {
      const cold = await Orchestration.start();
      try {
        const responses = await Promise.all(
          Array.from({ length: 200 }, (_, i) => cold.client.create(aCreateBody(`COLD-${i}`))),
        );

        expect(responses.map((response) => response.status)).toEqual(Array(200).fill(201));
        expect(new Set(responses.map((response) => response.body.id)).size).toBe(200);
        expect(await counters(cold)).toMatchObject({ tokens_issued: 1, sessions_created: 200 });
        const log = await simulatorLog(cold);
        expect(log.filter((entry) => entry.route === 'POST /connect/token')).toHaveLength(1);
        expect(log.filter((entry) => entry.status === 401)).toEqual([]);
      } finally {
        await cold.reset();
        await cold.close();
      }
    });

    it('after Checkout revokes the token, takes one 401, fetches one new token and retries', async () => {
      // After reset the cached token is stale too: a first call settles a valid one.
      await ctx.client.create(aCreateBody('WARM-UP')).expect(201);
      const issuedBefore = (await counters(ctx)).tokens_issued;
      const logBefore = (await simulatorLog(ctx)).length;

      await ctx.checkout.control('POST', '/tokens/revoke');
      const created = await ctx.client.create(aCreateBody('AFTER-REVOKE')).expect(201);

      expect(created.body).toMatchObject({ state: 'awaiting_issuer_fingerprint' });
      expect((await counters(ctx)).tokens_issued).toBe(issuedBefore + 1);
      const call = (await simulatorLog(ctx)).slice(logBefore);
      expect(call.map((entry) => `${entry.route} ${entry.status}`)).toEqual([
        'POST /sessions 401',
        'POST /connect/token 200',
        'POST /sessions 202',
      ]);

      await ctx.client.create(aCreateBody('NEXT')).expect(201);
      expect((await counters(ctx)).tokens_issued).toBe(issuedBefore + 1);
    });
  });

  describe('POST /sessions failures', () => {
    it('answers 503 UPSTREAM_BUSY with Retry-After to a Checkout 503 and closes the authentication with outcome error', async () => {
      await ctx.checkout
        .control('POST', '/faults', {
          route: 'POST /sessions',
          kind: 'status',
          status: 503,
          times: 1,
        })
        .then((response) => expect(response.status).toBe(201));

      const failed = await ctx.client.create(aCreateBody('FAULT-503'));

      expect(failed.status).toBe(503);
      expect(failed.headers['retry-after']).toBe('2');
      expect(failed.body.error).toMatchObject({ code: 'UPSTREAM_BUSY' });
      const rows = await storedByReference('FAULT-503');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        state: 'closed',
        outcome: 'error',
        checkout_session_id: null,
      });
      const id = rows[0].id as string;
      const view = await ctx.api('get', `/v1/authentications/${id}`).expect(200);
      expect(view.body).toMatchObject({
        state: 'closed',
        outcome: 'error',
        guidance: expect.any(String),
      });
      expect(await ctx.statePath(id)).toEqual(['created', 'closed']);
      // A POST /sessions is never repeated blindly (Checkout has no idempotency for it).
      const posts = (await simulatorLog(ctx)).filter((entry) => entry.route === 'POST /sessions');
      expect(posts).toHaveLength(1);
    });

    it('answers 504 UPSTREAM_OUTCOME_UNKNOWN when POST /sessions outlives the deadline, leaving creation_unknown', async () => {
      // Only the create (with channel data) has 500 ms: the token is fetched on a deadline that
      // no busy machine misses.
      const impatient = await Orchestration.start({ checkoutAuthenticationTimeoutMs: 500 });
      try {
        await impatient.checkout.control('POST', '/faults', {
          route: 'POST /sessions',
          kind: 'timeout',
          latency_ms: 60_000,
          times: 1,
        });
        const startedAt = Date.now();

        const unknown = await impatient.client.create(
          aCardBody(FINGERPRINT_CARD, {
            reference: 'FAULT-TIMEOUT',
            channel_data: aBrowserChannel(),
          }),
        );

        expect(Date.now() - startedAt).toBeLessThan(5_000);
        expect(unknown.status).toBe(504);
        expect(unknown.body.error).toMatchObject({ code: 'UPSTREAM_OUTCOME_UNKNOWN' });
        const id = unknown.body.error.details.authentication_id as string;
        const view = await impatient.api('get', `/v1/authentications/${id}`).expect(200);
        expect(view.body).toMatchObject({
          reference: 'FAULT-TIMEOUT',
          state: 'creation_unknown',
          outcome: null,
          checkout_session_id: null,
        });
        expect(await impatient.statePath(id)).toEqual(['created', 'creation_unknown']);
        const posts = (await simulatorLog(impatient)).filter(
          (entry) => entry.route === 'POST /sessions',
        );
        expect(posts).toHaveLength(1);
      } finally {
        await impatient.reset();
        await impatient.close();
      }
    });
  });
});
