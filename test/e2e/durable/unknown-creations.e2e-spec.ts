import { aCheckoutEvent, postWebhook } from '../../support/checkout-webhook-sender.js';
import { Orchestration } from '../../support/orchestration.js';
import { aSessionRequest } from '../../support/simulator/factories.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { waitingDeadlines } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

const FRICTIONLESS_Y = '4485040371536584';
/**
 * Far above a normal Checkout answer on a busy machine (the token and the create both fit in it:
 * with 2 s, a create on two busy cores once timed out before the simulator had even received it,
 * so no session existed to be found); the lost create's answer comes later.
 */
const CHECKOUT_DEADLINE_MS = 4_000;
/** Specs that wait out a creation deadline (several seconds) get more than Jest's default. */
const WAITS_OUT_A_DEADLINE_MS = 60_000;

/**
 * POST /sessions answered too late: Checkout may have created the session, and it cannot be
 * asked (no idempotency, no search). A webhook naming the session links it; otherwise the
 * authentication is closed once Checkout's session lifetime has passed. Either way the key gets
 * a final answer, and never a second authentication or Checkout session.
 */
describe('creations whose Checkout answer was lost (e2e)', () => {
  async function startWith(webhooks: boolean): Promise<Orchestration> {
    return Orchestration.start({
      webhooks,
      checkoutTimeoutMs: CHECKOUT_DEADLINE_MS,
      jobs: {
        // With webhooks, the one naming the session is acted on once the create's deadline
        // passed: long enough here for the test to see the 504 replayed first, however slow.
        recheckMs: {
          ...waitingDeadlines(60_000),
          creation: webhooks ? 8_000 : 6_000,
          session_lookup: 300,
        },
        sessionLifetimeMs: webhooks ? 60_000 : 2_000,
      },
    });
  }

  async function lateCreate(ctx: Orchestration, key: string) {
    // Checkout creates the session, then answers after our deadline.
    await ctx.checkout.control('POST', '/faults', {
      route: 'POST /sessions',
      kind: 'late_answer',
      latency_ms: 3 * CHECKOUT_DEADLINE_MS,
      times: 1,
    });
    const body = aCreateBody(FRICTIONLESS_Y, { reference: `LOST-${key}` });
    const first = await ctx.client.create(body, { idempotencyKey: key }).expect(504);
    expect(first.body.error.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    const retry = () => ctx.client.create(body, { idempotencyKey: key });
    return { id: first.body.error.details.authentication_id as string, retry };
  }

  describe('with Checkout webhooks', () => {
    let ctx: Orchestration;
    beforeAll(async () => (ctx = await startWith(true)));
    beforeEach(() => ctx.reset());
    afterAll(() => ctx.close());

    it(
      'links the session the webhook names, and the key answers with that authentication',
      async () => {
        const { id, retry } = await lateCreate(ctx, 'lost-linked');
        const stillUnknown = await retry().expect(504);
        expect(stillUnknown.headers['idempotent-replayed']).toBe('true');

        const linked = await ctx.waitForState(id, 'awaiting_issuer_fingerprint', 30_000);
        const truth = await ctx.checkoutTruth(linked.checkout_session_id as string);
        expect(truth.reference).toBe('LOST-lost-linked');

        const resumed = await retry().expect(201);
        expect(resumed.headers['idempotent-replayed']).toBe('true');
        expect(resumed.body).toMatchObject({ id, state: 'awaiting_issuer_fingerprint' });
        expect(resumed.body.next_action.type).toBe('three_ds_method');
        await retry().expect(201); // settled: the same answer from now on

        const counters = (await ctx.checkout.control('GET', '/counters')).body;
        expect(counters.sessions_created).toBe(1);
        await expect(ctx.statePath(id)).resolves.toEqual([
          'created',
          'creation_unknown',
          'awaiting_issuer_fingerprint',
        ]);
      },
      WAITS_OUT_A_DEADLINE_MS,
    );

    it(
      'never links a session Checkout announced before the authentication existed',
      async () => {
        // Another, older session with the same reference, amount and currency.
        const token = await ctx.checkout.token();
        const older = await ctx.checkout.createSession(token, {
          ...aSessionRequest({ number: FRICTIONLESS_Y }),
          reference: 'LOST-lost-stale',
          currency: 'EUR',
          amount: 6540,
        });
        // Checkout's clock and ours may differ by a second: this one is clearly older.
        await new Promise((resolve) => setTimeout(resolve, 1_200));
        await ctx.checkout.control('POST', '/deliveries', { channel: 'webhook', mode: 'drop' });
        const { id } = await lateCreate(ctx, 'lost-stale');
        // Its late webhook, retried by Checkout: raised ten minutes before our create.
        const event = aCheckoutEvent('authentication_approved', older.body.id as string, {
          reference: 'LOST-lost-stale',
          createdOn: new Date(Date.now() - 600_000),
        });
        await postWebhook(ctx.orchestrator.http, JSON.stringify(event)).expect(200);
        // Both of its webhooks (its `authentication_started` too) have been acted on.
        await waitUntil(
          async () => {
            const jobs = await ctx.sql(
              `SELECT 1 FROM graphile_worker.jobs WHERE task_identifier = 'process_checkout_event'`,
            );
            return jobs.length === 0 ? true : undefined;
          },
          { timeoutMs: 30_000 },
        );
        await expect(ctx.sql('SELECT id FROM provider_events')).resolves.toHaveLength(2);
        await expect(ctx.api('get', `/v1/authentications/${id}`)).resolves.toMatchObject({
          body: { state: 'creation_unknown', checkout_session_id: null },
        });
      },
      WAITS_OUT_A_DEADLINE_MS,
    );
  });

  describe('without webhooks', () => {
    let ctx: Orchestration;
    beforeAll(async () => (ctx = await startWith(false)));
    beforeEach(() => ctx.reset());
    afterAll(() => ctx.close());

    it(
      "closes it as failed once Checkout's session lifetime has passed",
      async () => {
        const { id, retry } = await lateCreate(ctx, 'lost-forever');
        const closed = await ctx.waitForState(id, 'closed', 30_000);
        expect(closed).toMatchObject({
          outcome: 'error',
          failure_reason: 'checkout_session_not_found',
          guidance: 'retry_authentication',
        });
        const final = await retry().expect(201);
        expect(final.body).toMatchObject({ id, state: 'closed', outcome: 'error' });
        const rows = await ctx.api('get', '/v1/authentications?reference=LOST-lost-forever');
        expect(rows.body.data).toHaveLength(1);
      },
      WAITS_OUT_A_DEADLINE_MS,
    );

    it('keeps the key on its authentication after an unexpected failure: no second session', async () => {
      // The database refuses the move that would record Checkout's answer (a crash stand-in).
      await ctx.sql(`CREATE FUNCTION refuse_move() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
      await ctx.sql(`CREATE TRIGGER refuse_move BEFORE UPDATE ON authentications FOR EACH ROW
        WHEN (NEW.state = 'awaiting_issuer_fingerprint') EXECUTE FUNCTION refuse_move()`);
      try {
        const body = aCreateBody(FRICTIONLESS_Y, { reference: 'BOOM' });
        const send = () => ctx.client.create(body, { idempotencyKey: 'boom' });
        await send().expect(500);
        const retried = await send().expect(409);
        expect(retried.body.error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
        const [row] = await ctx.sql<{ id: string }>(`SELECT id FROM authentications`);
        await ctx.waitForState(row.id, 'creation_unknown');
        await send().expect(504);
        const counters = (await ctx.checkout.control('GET', '/counters')).body;
        expect(counters.sessions_created).toBe(1);
        await expect(ctx.sql('SELECT id FROM authentications')).resolves.toHaveLength(1);
      } finally {
        await ctx.sql('DROP TRIGGER refuse_move ON authentications');
        await ctx.sql('DROP FUNCTION refuse_move()');
      }
    });
  });
});
