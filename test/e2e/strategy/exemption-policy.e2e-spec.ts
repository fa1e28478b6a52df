import { DEFAULT_EXEMPTION_POLICY } from '@app/domain';
import { TeamApi } from '../../support/api.js';
import { metricValue } from '../../support/metric-value.js';
import { emptyTables } from '../../support/e2e-database.js';
import {
  startWithRecordedCheckout,
  type RecordedCheckout,
} from '../../support/recorded-checkout.js';
import { aCreateBody } from '../../support/result-expectations.js';
import {
  AN_INITIAL_TRANSACTION,
  aBrowserChannel,
  aMerchantInitiatedChannel,
} from '../../support/simulator/factories.js';
import { TEAM_A, TEAM_B, testDatabaseUrl } from '../../support/test-config.js';

const FRICTIONLESS_Y = '4485040371536584';
type Body = Record<string, unknown>;

/**
 * Team A's creates are decided by the service's default exemption policy, team B has none: the
 * indicator Checkout receives (a proxy in front of the simulator keeps it), the answer, the
 * timeline and the metrics, and what the simulated issuer made of an exemption asked for.
 */
describe('exemption policy (e2e)', () => {
  let recorded: RecordedCheckout;
  let teamA: TeamApi;
  let teamB: TeamApi;

  beforeAll(async () => {
    recorded = await startWithRecordedCheckout({
      checkout: { channels: ['browser', 'app', 'merchant_initiated'] },
      strategy: { exemptionPolicies: new Map([[TEAM_A.team, DEFAULT_EXEMPTION_POLICY]]) },
    });
    teamA = new TeamApi(recorded.orchestrator.url, TEAM_A.apiKey);
    teamB = teamA.as(TEAM_B.apiKey);
  });
  beforeEach(async () => {
    await emptyTables(testDatabaseUrl());
    recorded.checkout.clear();
  });
  afterAll(() => recorded.close());

  /** The indicator of the one session created since the test began. */
  const sentIndicator = () => {
    const sent = recorded.checkout.sent('POST', '/sessions');
    expect(sent).toHaveLength(1);
    return (sent[0].body as Body).challenge_indicator;
  };
  const browserCreate = (overrides: Body) =>
    aCreateBody(FRICTIONLESS_Y, { channel_data: aBrowserChannel(), ...overrides });

  it.each([
    ['EUR 20.00: low value', { amount: 2_000 }, 'low_value', 'low_value'],
    [
      'EUR 100.00: transaction risk analysis',
      { amount: 10_000 },
      'transaction_risk_analysis',
      'transaction_risk_assessment',
    ],
    [
      'EUR 100.00 with a gift card: no exemption',
      { amount: 10_000, merchant_risk_info: { gift_card_count: '01' } },
      'otherwise',
      'no_preference',
    ],
    ['EUR 300.00: above every exemption', { amount: 30_000 }, 'otherwise', 'no_preference'],
    [
      'USD 20.00: no limit in USD',
      { amount: 2_000, currency: 'USD' },
      'otherwise',
      'no_preference',
    ],
    [
      'a recurring set-up: a mandated challenge',
      {
        amount: 2_000,
        authentication_type: 'recurring',
        recurring: { days_between_payments: 30, expiry: '20301231' },
      },
      'mandate_setup',
      'challenge_requested_mandate',
    ],
  ] as const)('%s', async (_, overrides, rule, indicator) => {
    const created = await teamA.create(browserCreate(overrides)).expect(201);
    const decision = {
      decided_by: 'policy',
      challenge_indicator: indicator,
      policy_version: DEFAULT_EXEMPTION_POLICY.version,
      rule,
    };
    expect(created.body.exemption_decision).toMatchObject(decision);
    expect(sentIndicator()).toBe(indicator);
    const timeline = await teamA.events(created.body.id).expect(200);
    expect(timeline.body.data[0].detail).toMatchObject({
      exemption_decided_by: 'policy',
      challenge_indicator: indicator,
      exemption_policy_version: DEFAULT_EXEMPTION_POLICY.version,
      exemption_rule: rule,
    });
  });

  it('reports an exemption the issuer applied: I, with the exemption', async () => {
    const created = await teamA.create(browserCreate({ amount: 2_000 })).expect(201);
    expect(created.body).toMatchObject({
      response_code: 'I',
      exemption_decision: { challenge_indicator: 'low_value', requested_exemption_applied: true },
    });
    const result = await teamA.result(created.body.id).expect(200);
    expect(result.body).toMatchObject({ exemption: 'low_value' });
  });

  it('lets the request’s own indicator win, and says when the issuer did not apply it', async () => {
    // EUR 100 is above the low-value limit: the issuer refuses and authenticates as usual.
    const created = await teamA
      .create(browserCreate({ amount: 10_000, challenge_indicator: 'low_value' }))
      .expect(201);
    expect(sentIndicator()).toBe('low_value');
    expect(created.body).toMatchObject({
      response_code: 'Y',
      exemption_decision: {
        decided_by: 'request',
        challenge_indicator: 'low_value',
        requested_exemption_applied: false,
      },
    });
    expect(created.body.exemption_decision).not.toHaveProperty('rule');
  });

  it('decides a 3RI by its own rule', async () => {
    const created = await teamA
      .create(
        aCreateBody(FRICTIONLESS_Y, {
          channel: 'merchant_initiated',
          channel_data: aMerchantInitiatedChannel(),
          authentication_type: 'recurring',
          recurring: { days_between_payments: 30, expiry: '20301231' },
          initial_transaction: AN_INITIAL_TRANSACTION,
        }),
      )
      .expect(201);
    expect(created.body.exemption_decision).toMatchObject({ rule: 'merchant_initiated' });
    expect(sentIndicator()).toBe('no_preference');
  });

  it('sends nothing for a team without a policy, and what the request says', async () => {
    const plain = await teamB.create(browserCreate({ amount: 2_000 })).expect(201);
    expect(plain.body.exemption_decision).toEqual({ decided_by: 'none' });
    expect(sentIndicator()).toBeUndefined();
    recorded.checkout.clear();
    const asked = await teamB
      .create(browserCreate({ amount: 2_000, challenge_indicator: 'data_share' }))
      .expect(201);
    expect(asked.body.exemption_decision).toEqual({
      decided_by: 'request',
      challenge_indicator: 'data_share',
    });
    expect(sentIndicator()).toBe('data_share');
  });

  it('counts decisions and exemptions applied or not, per team', async () => {
    const count = (name: string, labels: string) =>
      metricValue(recorded.orchestrator.http, `${name}{${labels}}`);
    const decisions = 'threeds_exemption_decisions_total';
    const requests = 'threeds_exemption_requests_total';
    const byRule = `team="team-a",decided_by="policy",challenge_indicator="low_value",rule="low_value"`;
    const applied = `team="team-a",exemption="low_value",applied="true"`;
    const refused = `team="team-a",exemption="low_value",applied="false"`;
    const before = [
      await count(decisions, byRule),
      await count(requests, applied),
      await count(requests, refused),
    ];
    await teamA.create(browserCreate({ amount: 2_000 })).expect(201);
    await teamA
      .create(browserCreate({ amount: 10_000, challenge_indicator: 'low_value' }))
      .expect(201);
    expect([
      (await count(decisions, byRule)) - before[0],
      (await count(requests, applied)) - before[1],
      (await count(requests, refused)) - before[2],
    ]).toEqual([1, 1, 1]);
  });
});
