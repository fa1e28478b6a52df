import { randomUUID } from 'node:crypto';
import type { RoutingPolicy } from '@app/domain';
import { metricValue } from '../../support/metric-value.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { TEAM_A, TEAM_B } from '../../support/test-config.js';

const FRICTIONLESS_Y = '4485040371536584';

const POLICY: RoutingPolicy = {
  version: 'routing-e2e-1',
  rules: [
    {
      name: 'visa_eur',
      when: { currencies: ['EUR'], bin_ranges: [{ from: '448504', to: '448504' }] },
      providers: ['checkout'],
      split: [{ provider: 'checkout', percent: 100 }],
    },
  ],
  otherwise: { providers: ['checkout'] },
};

/**
 * Team A has a routing policy, team B none: the decision in the answer, the GET, the first
 * timeline entry and /metrics. (No refusal for capabilities can be provoked with Checkout alone:
 * it declares every one; those refusals are the unit spec's, flow/provider-routing.spec.ts.)
 */
describe('provider routing (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({
      strategy: { routingPolicies: new Map([[TEAM_A.team, POLICY]]) },
    });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it("records, answers and counts the team's rule", async () => {
    const created = await ctx.client
      .create(aCreateBody(FRICTIONLESS_Y, { reference: `ORDER-${randomUUID()}` }), {
        idempotencyKey: `key-${randomUUID()}`,
      })
      .expect(201);
    const routing = {
      provider: 'checkout',
      decided_by: 'rule',
      rule: 'visa_eur',
      policy_version: 'routing-e2e-1',
      split_bucket: expect.any(Number),
      fallback_used: false,
      skipped: [],
    };
    expect(created.body.routing).toEqual(routing);
    expect((await ctx.client.get(created.body.id).expect(200)).body.routing).toEqual(routing);
    const events = (await ctx.client.events(created.body.id).expect(200)).body.data;
    expect(events[0].detail).toMatchObject({
      provider: 'checkout',
      routing_decided_by: 'rule',
      routing_rule: 'visa_eur',
      routing_policy_version: 'routing-e2e-1',
      routing_fallback_used: false,
    });
    const series =
      'threeds_routing_decisions_total{team="team-a",provider="checkout",rule="visa_eur",fallback_used="false"}';
    expect(await metricValue(ctx.orchestrator.http, series)).toBe(1);
  });

  it('routes a team without a policy to THREEDS_PROVIDER, recorded as default', async () => {
    const created = await ctx.client
      .as(TEAM_B.apiKey)
      .create(aCreateBody(FRICTIONLESS_Y, { reference: `ORDER-${randomUUID()}` }))
      .expect(201);
    expect(created.body.routing).toMatchObject({
      provider: 'checkout',
      decided_by: 'default',
      rule: 'default',
      policy_version: null,
      split_bucket: null,
    });
  });
});
