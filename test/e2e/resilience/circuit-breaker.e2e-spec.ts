import request from 'supertest';
import type { Answer } from '../../support/api.js';
import { metricValue } from '../../support/metric-value.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { waitingDeadlines } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

/** Frictionless Y with a 3DS Method URL: without channel data, creation is one POST /sessions. */
const FRICTIONLESS_Y = '4485040371536584';
const THRESHOLD = 3;
/**
 * Far above the time between two requests on a busy machine, so an open breaker is still open
 * when the test looks at it; short enough to wait for the probe.
 */
const HALF_OPEN_AFTER_MS = 5_000;
/** The deadline of a create with channel data, far above a normal answer on a busy machine. */
const CREATE_DEADLINE_MS = 2_000;
const SPEC_TIMEOUT_MS = 90_000;

const CIRCUIT_STATE = 'threeds_provider_circuit_state{provider="checkout"}';
const refusedCount = (operation: string) =>
  `threeds_provider_calls_refused_total{provider="checkout",operation="${operation}"}`;

async function sessionCreatesSent(ctx: Orchestration): Promise<number> {
  const { body } = await ctx.checkout.control('GET', '/requests');
  return (body.requests as { route: string }[]).filter((one) => one.route === 'POST /sessions')
    .length;
}

async function rowsFor(ctx: Orchestration, reference: string): Promise<number> {
  const rows = await ctx.sql('SELECT id FROM authentications WHERE reference = $1', [reference]);
  return rows.length;
}

/** `/health/ready` stays 200 whatever the breaker says; its details show the breaker. */
async function checkoutCircuit(ctx: Orchestration): Promise<Record<string, unknown>> {
  const { body } = await request(ctx.orchestrator.http).get('/health/ready').expect(200);
  return body.info.providers.checkout as Record<string, unknown>;
}

function expectCircuitOpenRefusal(answer: Answer): void {
  expect(answer.status).toBe(503);
  expect(answer.body.error).toMatchObject({
    code: 'PROVIDER_CIRCUIT_OPEN',
    details: { provider: 'checkout' },
  });
  const retryAfter = Number(answer.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(HALF_OPEN_AFTER_MS / 1000);
  expect(answer.body.error.details.retry_after_seconds).toBe(retryAfter);
}

/** Retries `call` until the breaker lets the probe through; refusals meanwhile are 503s. */
function afterHalfOpen(call: () => PromiseLike<Answer>, succeeded: number): Promise<Answer> {
  return waitUntil(
    async () => {
      const answer = await call();
      if (answer.status === succeeded) return answer;
      expectCircuitOpenRefusal(answer);
      return undefined;
    },
    { timeoutMs: 4 * HALF_OPEN_AFTER_MS, intervalMs: 200 },
  );
}

/**
 * docs/circuit-breaker.md: Checkout failing (5xx, then timeouts) opens its breaker after
 * THRESHOLD calls in a row; creates then get a fast 503 with Retry-After, before anything is
 * recorded or sent, and the same Idempotency-Key succeeds once a probe closed it again.
 */
describe('the provider circuit breaker (e2e)', () => {
  /** Each test its own orchestration: a breaker's state outlives a reset. */
  async function start(options: Parameters<typeof Orchestration.start>[0] = {}) {
    const ctx = await Orchestration.start({
      breaker: { consecutiveFailures: THRESHOLD, halfOpenAfterMs: HALF_OPEN_AFTER_MS },
      ...options,
    });
    await ctx.reset();
    return ctx;
  }

  it(
    'opens on 5xx: creates get 503 PROVIDER_CIRCUIT_OPEN, nothing reaches Checkout or the tables; the probe closes it and the same key then succeeds',
    async () => {
      const ctx = await start();
      try {
        await ctx.client.create(aCreateBody(FRICTIONLESS_Y, { reference: 'BEFORE' })).expect(201);
        await ctx.checkout.control('POST', '/faults', {
          route: 'POST /sessions',
          kind: 'status',
          status: 500,
        });
        for (let i = 0; i < THRESHOLD; i++) {
          const failed = await ctx.client.create(
            aCreateBody(FRICTIONLESS_Y, { reference: 'FAIL' }),
          );
          // Checkout's 5xx on a create leaves its outcome unknown: never a breaker refusal yet.
          expect(failed.body.error.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
        }
        const sent = await sessionCreatesSent(ctx);
        expect(sent).toBe(1 + THRESHOLD);

        const body = aCreateBody(FRICTIONLESS_Y, { reference: 'REFUSED' });
        const key = 'order-refused-while-open';
        expectCircuitOpenRefusal(await ctx.client.create(body, { idempotencyKey: key }));
        expectCircuitOpenRefusal(await ctx.client.create(body));

        expect(await sessionCreatesSent(ctx)).toBe(sent);
        expect(await rowsFor(ctx, 'REFUSED')).toBe(0);
        expect(await metricValue(ctx.orchestrator.http, CIRCUIT_STATE)).toBe(2);
        expect(await checkoutCircuit(ctx)).toMatchObject({ circuit: 'open', available: false });
        const refusals = await metricValue(ctx.orchestrator.http, refusedCount('create_session'));
        expect(refusals).toBeGreaterThanOrEqual(2);

        await ctx.checkout.control('DELETE', '/faults');
        const healed = await afterHalfOpen(
          () => ctx.client.create(body, { idempotencyKey: key }),
          201,
        );

        expect(healed.headers['idempotent-replayed']).toBeUndefined();
        expect(healed.body).toMatchObject({ state: 'awaiting_issuer_fingerprint' });
        expect(await sessionCreatesSent(ctx)).toBe(sent + 1);
        expect(await rowsFor(ctx, 'REFUSED')).toBe(1);
        expect(await metricValue(ctx.orchestrator.http, CIRCUIT_STATE)).toBe(0);
        expect(await checkoutCircuit(ctx)).toEqual({ circuit: 'closed', available: true });
        const replayed = await ctx.client.create(body, { idempotencyKey: key }).expect(201);
        expect(replayed.headers['idempotent-replayed']).toBe('true');
        // Closed again: good calls go through, one after another.
        for (const reference of ['AFTER-1', 'AFTER-2', 'AFTER-3', 'AFTER-4']) {
          await ctx.client.create(aCreateBody(FRICTIONLESS_Y, { reference })).expect(201);
        }
      } finally {
        await ctx.close();
      }
    },
    SPEC_TIMEOUT_MS,
  );

  it(
    'opens on creates past their deadline (latency) the same way, and closes once Checkout answers in time',
    async () => {
      const ctx = await start({ checkoutAuthenticationTimeoutMs: CREATE_DEADLINE_MS });
      try {
        await ctx.checkout.control('POST', '/faults', {
          route: 'POST /sessions',
          kind: 'late_answer',
          latency_ms: 3 * CREATE_DEADLINE_MS,
        });
        // With channel data a create waits for the issuer: CREATE_DEADLINE_MS applies.
        const slow = () =>
          ctx.client.create(
            aCreateBody(FRICTIONLESS_Y, { reference: 'SLOW', channel_data: aBrowserChannel() }),
          );
        for (let i = 0; i < THRESHOLD; i++) {
          expect((await slow()).body.error.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
        }
        const sent = await sessionCreatesSent(ctx);

        // Refused without waiting for Checkout: no call was sent.
        expectCircuitOpenRefusal(await slow());
        expect(await sessionCreatesSent(ctx)).toBe(sent);
        expect(await rowsFor(ctx, 'SLOW')).toBe(THRESHOLD);

        await ctx.checkout.control('DELETE', '/faults');
        // Without channel data the create's deadline is production's: the probe beats it.
        const probe = aCreateBody(FRICTIONLESS_Y, { reference: 'PROBE' });
        await afterHalfOpen(() => ctx.client.create(probe, { idempotencyKey: 'probe' }), 201);
        expect(await checkoutCircuit(ctx)).toEqual({ circuit: 'closed', available: true });
        expect(await metricValue(ctx.orchestrator.http, CIRCUIT_STATE)).toBe(0);
      } finally {
        await ctx.close();
      }
    },
    SPEC_TIMEOUT_MS,
  );

  it(
    'fails no authentication in flight while open: its update gets 503, its deadline re-read is put off, and it goes on once closed',
    async () => {
      const ctx = await start({ jobs: { recheckMs: waitingDeadlines(300) } });
      try {
        const created = await ctx.client
          .create(aCreateBody(FRICTIONLESS_Y, { reference: 'IN-FLIGHT' }))
          .expect(201);
        const id = created.body.id as string;
        // Every Checkout call fails, the deadline re-reads too: they count like the creates.
        await ctx.checkout.control('POST', '/faults', { route: '*', kind: 'status', status: 500 });
        await waitUntil(
          async () => {
            const answer = await ctx.client.create(aCreateBody(FRICTIONLESS_Y));
            return answer.body?.error?.code === 'PROVIDER_CIRCUIT_OPEN' ? answer : undefined;
          },
          { timeoutMs: 30_000 },
        );

        expectCircuitOpenRefusal(await ctx.client.issuerFingerprint(id, 'U'));
        await waitUntil(
          async () =>
            (await metricValue(ctx.orchestrator.http, refusedCount('read_session'))) > 0
              ? true
              : undefined,
          { timeoutMs: 30_000, describe: () => 'no deadline re-read was refused' },
        );
        expect((await ctx.client.get(id).expect(200)).body).toMatchObject({
          state: 'awaiting_issuer_fingerprint',
          outcome: null,
        });

        await ctx.checkout.control('DELETE', '/faults');
        const reported = await afterHalfOpen(() => ctx.client.issuerFingerprint(id, 'U'), 200);
        expect(reported.body).toMatchObject({ id, state: 'awaiting_channel_data' });
        expect(await ctx.statePath(id)).not.toContain('closed');
      } finally {
        await ctx.close();
      }
    },
    SPEC_TIMEOUT_MS,
  );
});
