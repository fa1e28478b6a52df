import { randomUUID } from 'node:crypto';
import type { RoutingPolicy } from '@app/domain';
import type { Answer } from '../../support/api.js';
import { metricValue } from '../../support/metric-value.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_A, TEAM_B } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

const THRESHOLD = 5;
/** Far above the time between two creates on a busy machine, short enough to wait for. */
const HALF_OPEN_AFTER_MS = 5_000;
/** Checkout's deadline for a create with channel data; the timeout fault holds past it. */
const CREATE_DEADLINE_MS = 3_000;
const SPEC_TIMEOUT_MS = 240_000;
/** Visa, 3DS Method at Checkout; not enrolled at Adyen: both answer 201, routing tells where. */
const CARD = '4485040371536584';

const policy = (providers: RoutingPolicy['otherwise']['providers']): RoutingPolicy => ({
  version: `failover-${providers.join('-')}`,
  rules: [],
  otherwise: { providers },
});

/**
 * docs/routing.md#failover: Checkout failing (5xx, then timeouts) opens its breaker within
 * THRESHOLD calls; team A (`["checkout", "adyen"]`) then lands at Adyen, and is back at Checkout
 * once a half-open probe succeeds; team B (`["checkout"]`) gets 503 PROVIDER_CIRCUIT_OPEN, and
 * nothing of it reaches Checkout: fast is shown by nothing sent, not by timing.
 */
describe('failover to the second provider (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({
      adyen: true,
      checkoutAuthenticationTimeoutMs: CREATE_DEADLINE_MS,
      breaker: { consecutiveFailures: THRESHOLD, halfOpenAfterMs: HALF_OPEN_AFTER_MS },
      strategy: {
        routingPolicies: new Map([
          [TEAM_A.team, policy(['checkout', 'adyen'])],
          [TEAM_B.team, policy(['checkout'])],
        ]),
      },
    });
    await ctx.reset();
  });
  afterAll(() => ctx.close());

  const create = (apiKey: string) =>
    ctx.client.as(apiKey).create(
      aCreateBody(CARD, {
        reference: `ORDER-${randomUUID()}`,
        channel_data: aBrowserChannel(),
      }),
    );

  async function checkoutCreatesSent(): Promise<number> {
    const { body } = await ctx.checkout.control('GET', '/requests');
    return (body.requests as { route: string }[]).filter((one) => one.route === 'POST /sessions')
      .length;
  }

  async function circuits(): Promise<Record<string, unknown>> {
    const { body } = await ctx.api('get', '/health/ready').expect(200);
    return body.info.providers as Record<string, unknown>;
  }

  /** Team A's creates until one lands at Adyen; the failures before it, each a Checkout call. */
  async function failsOverWithinThreshold(failureCode: string): Promise<Answer> {
    let failures = 0;
    for (;;) {
      const answer = await create(TEAM_A.apiKey);
      if (answer.status === 201 && answer.body.routing.provider === 'adyen') {
        expect(failures).toBeLessThanOrEqual(THRESHOLD);
        return answer;
      }
      expect(answer.body.error?.code).toBe(failureCode);
      failures += 1;
      expect(failures).toBeLessThanOrEqual(THRESHOLD);
    }
  }

  /** Team A's creates after the heal until the probe lands at Checkout; Adyen's meanwhile. */
  function backAtCheckout(): Promise<Answer> {
    return waitUntil(
      async () => {
        const answer = await create(TEAM_A.apiKey);
        expect(answer.status).toBe(201);
        if (answer.body.routing.provider === 'checkout') return answer;
        expect(answer.body.routing).toMatchObject({ provider: 'adyen', fallback_used: true });
        return undefined;
      },
      { timeoutMs: 6 * HALF_OPEN_AFTER_MS, intervalMs: 200 },
    );
  }

  async function teamBRefusedFast(): Promise<void> {
    const sent = await checkoutCreatesSent();
    for (let i = 0; i < 3; i++) {
      const refused = await create(TEAM_B.apiKey);
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({
        code: 'PROVIDER_CIRCUIT_OPEN',
        details: { provider: 'checkout' },
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(await checkoutCreatesSent()).toBe(sent);
  }

  it(
    'moves team A to Adyen on 5xx and on timeouts and back after each heal; team B gets fast 503s',
    async () => {
      const healthy = await create(TEAM_A.apiKey).expect(201);
      expect(healthy.body.routing).toMatchObject({ provider: 'checkout', fallback_used: false });
      // Its `complete` call would succeed and restart the count of failures in a row.
      await ctx.waitForState(healthy.body.id, 'completed');

      // 5xx: Checkout's answer to a create is unknown, so each one fails and counts.
      await ctx.checkout.control('POST', '/faults', {
        route: 'POST /sessions',
        kind: 'status',
        status: 500,
      });
      const movedOn5xx = await failsOverWithinThreshold('UPSTREAM_OUTCOME_UNKNOWN');
      expect(movedOn5xx.body.routing).toEqual({
        provider: 'adyen',
        decided_by: 'otherwise',
        rule: 'otherwise',
        policy_version: 'failover-checkout-adyen',
        split_bucket: null,
        fallback_used: true,
        skipped: [{ provider: 'checkout', because: 'breaker_open' }],
      });
      expect(await circuits()).toMatchObject({
        checkout: { circuit: 'open', available: false },
        adyen: { circuit: 'closed', available: true },
      });
      await teamBRefusedFast();

      await ctx.checkout.control('DELETE', '/faults');
      const probe = await backAtCheckout();
      expect(await circuits()).toMatchObject({ checkout: { circuit: 'closed' } });
      await ctx.waitForState(probe.body.id, 'completed');

      // Timeouts: held past our deadline, then dropped.
      await ctx.checkout.control('POST', '/faults', {
        route: 'POST /sessions',
        kind: 'timeout',
        latency_ms: 10 * CREATE_DEADLINE_MS,
      });
      await failsOverWithinThreshold('UPSTREAM_OUTCOME_UNKNOWN');
      await teamBRefusedFast();

      await ctx.checkout.control('DELETE', '/faults');
      await backAtCheckout();
      const again = await create(TEAM_B.apiKey).expect(201);
      expect(again.body.routing).toMatchObject({ provider: 'checkout' });

      const fellBack =
        'threeds_routing_decisions_total{team="team-a",provider="adyen",rule="otherwise",fallback_used="true"}';
      expect(await metricValue(ctx.orchestrator.http, fellBack)).toBeGreaterThanOrEqual(2);
    },
    SPEC_TIMEOUT_MS,
  );
});
