import request from 'supertest';
import { TeamApi } from '../../support/api.js';
import { metricValue } from '../../support/metric-value.js';
import { emptyTables } from '../../support/e2e-database.js';
import {
  startWithRecordedCheckout,
  type RecordedCheckout,
} from '../../support/recorded-checkout.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_A, TEAM_B, testDatabaseUrl } from '../../support/test-config.js';

const FRICTIONLESS_Y = '4485040371536584';
const ADDRESS = { address_line1: '14 Wells Mews', city: 'London', zip: 'W1T 4TJ', country: 'GB' };

/** A card number, browser data and nothing else an issuer decides on: 15 of 100. */
const bare = () => aCreateBody(FRICTIONLESS_Y, { channel_data: aBrowserChannel() });
const BARE_MISSING = [
  'billing_address',
  'cardholder_name',
  'email',
  'phone',
  'prior_authentication',
  'account_activity',
  'account_age',
  'shipping_address',
  'merchant_risk_indicators',
  'address_match',
  'payment_account_age',
  'shipping_address_age',
];

/** Cardholder, addresses and account: 81 of 100 (the weights are in docs/data-quality.md). */
const rich = () =>
  aCreateBody(FRICTIONLESS_Y, {
    source: {
      type: 'card',
      number: FRICTIONLESS_Y,
      expiry_month: 12,
      expiry_year: 2030,
      name: 'Jane Doe',
      email: 'jane.doe@example.com',
      mobile_phone: { country_code: '44', number: '7700900123' },
      billing_address: ADDRESS,
    },
    shipping_address: ADDRESS,
    shipping_address_matches_billing: true,
    account_info: { cardholder_account_age_indicator: 'more_than_sixty_days', purchase_count: 3 },
    channel_data: aBrowserChannel(),
  });

/**
 * The data quality of a create: answered and counted for every team, and below team A's minimum
 * (60) refused before anything is recorded or sent to Checkout.
 */
describe('data quality before create (e2e)', () => {
  let recorded: RecordedCheckout;
  let teamA: TeamApi;
  let teamB: TeamApi;

  beforeAll(async () => {
    recorded = await startWithRecordedCheckout({
      strategy: { dataQualityMinimums: new Map([[TEAM_A.team, 60]]) },
    });
    teamA = new TeamApi(recorded.orchestrator.url, TEAM_A.apiKey);
    teamB = teamA.as(TEAM_B.apiKey);
  });
  beforeEach(async () => {
    await emptyTables(testDatabaseUrl());
    recorded.checkout.clear();
  });
  afterAll(() => recorded.close());

  const metric = (series: string) => metricValue(recorded.orchestrator.http, series);
  const rowCount = async () => {
    const page = await request(recorded.orchestrator.http)
      .get('/v1/authentications')
      .set('authorization', `Bearer ${TEAM_A.apiKey}`)
      .expect(200);
    return (page.body.data as unknown[]).length;
  };

  it('answers the score and what is missing, for a request above the minimum', async () => {
    const created = await teamA.create(rich()).expect(201);
    expect(created.body.data_quality).toEqual({
      score: 81,
      missing: [
        'prior_authentication',
        'merchant_risk_indicators',
        'payment_account_age',
        'shipping_address_age',
      ],
    });
    expect((await teamA.get(created.body.id).expect(200)).body.data_quality).toEqual(
      created.body.data_quality,
    );
  });

  it('refuses a request below the minimum with 422, records nothing and calls no one', async () => {
    const refusalsBefore = await metric('threeds_data_quality_refusals_total{team="team-a"}');
    const refused = await teamA.create(bare(), { idempotencyKey: 'thin-data-1' }).expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'DATA_QUALITY_TOO_LOW',
      details: { score: 15, minimum: 60, missing: BARE_MISSING },
    });
    expect(recorded.checkout.sent('POST', '/sessions')).toEqual([]);
    expect(await rowCount()).toBe(0);
    expect(await metric('threeds_data_quality_refusals_total{team="team-a"}')).toBe(
      refusalsBefore + 1,
    );
    // The key was not taken: the same request with more data goes through.
    await teamA.create(rich(), { idempotencyKey: 'thin-data-1' }).expect(201);
  });

  it('scores a team without a minimum and never refuses it', async () => {
    const created = await teamB.create(bare()).expect(201);
    expect(created.body.data_quality).toEqual({ score: 15, missing: BARE_MISSING });
  });

  it('counts scores and missing elements per team', async () => {
    const scored = 'threeds_data_quality_score_count{team="team-b"}';
    const missingEmail = 'threeds_data_elements_missing_total{team="team-b",element="email"}';
    const before = [await metric(scored), await metric(missingEmail)];
    await teamB.create(bare()).expect(201);
    await teamB.create(rich()).expect(201);
    expect([await metric(scored), await metric(missingEmail)]).toEqual([
      before[0] + 2,
      before[1] + 1,
    ]);
  });
});
