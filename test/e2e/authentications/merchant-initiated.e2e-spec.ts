import { Orchestration } from '../../support/orchestration.js';
import { TEAM_A, TEAM_B } from '../../support/test-config.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { formatViolations } from '../../support/psp-contract.js';
import {
  AN_INITIAL_TRANSACTION,
  aBrowserChannel,
  aMerchantInitiatedChannel,
} from '../../support/simulator/factories.js';

const FRICTIONLESS_Y = '4485040371536584';
const CHALLENGE_Y = '4242424242424242';
const THREE_DS1_FALLBACK_AMOUNT = 123321;

/** A recurring charge authenticated without the cardholder, linked to the first one. */
const a3riBody = (card: string, overrides: Record<string, unknown> = {}) =>
  aCreateBody(card, {
    channel: 'merchant_initiated',
    channel_data: aMerchantInitiatedChannel(),
    authentication_type: 'recurring',
    recurring: { days_between_payments: 30, expiry: '20301231' },
    initial_transaction: AN_INITIAL_TRANSACTION,
    ...overrides,
  });

/** Merchant-initiated (3RI) authentications, orchestrator and simulator over HTTP. */
describe('merchant-initiated (3RI) authentications (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({ channels: ['browser', 'app', 'merchant_initiated'] });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('authenticates a frictionless card at create, then completes; every result format works', async () => {
    const created = await ctx.client.create(a3riBody(FRICTIONLESS_Y));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      channel: 'merchant_initiated',
      state: 'result_ready',
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      response_code: 'Y',
      next_action: null,
    });
    expect(created.body).not.toHaveProperty('checkout_session_secret');

    const completed = await ctx.waitForState(created.body.id, 'completed');
    expect(await ctx.statePath(created.body.id)).toEqual(['created', 'result_ready', 'completed']);
    const truth = await ctx.checkoutTruth(completed.checkout_session_id as string);
    expect(truth).toMatchObject({
      completed: true,
      initial_transaction: AN_INITIAL_TRANSACTION,
      authentication_type: 'recurring',
    });
    const results = await ctx.resultsInEveryFormat(created.body.id);
    expect(formatViolations(results, truth.id)).toEqual([]);
    expect(results.generic).toMatchObject({
      authentication_id: created.body.id,
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      trans_status: 'Y',
    });
    expect(results.generic.eci).toBe('05');
    expect(results.generic.cryptogram).toEqual(truth.cryptogram);
  });

  it('reports U with reason 21 (3RI not supported) for a card whose issuer would challenge', async () => {
    const created = await ctx.client.create(a3riBody(CHALLENGE_Y));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'result_ready',
      outcome: 'unavailable',
      response_code: 'U',
      next_action: null,
    });
    await ctx.waitForState(created.body.id, 'completed');
    const results = await ctx.resultsInEveryFormat(created.body.id);
    expect(results.generic).toMatchObject({ trans_status: 'U', trans_status_reason: '21' });
    expect('cryptogram' in results.generic).toBe(false);
  });

  it("passes on Checkout's refusal of 3RI on the 3DS1 protocol, and records it", async () => {
    const refused = await ctx.client.create(
      a3riBody(FRICTIONLESS_Y, { amount: THREE_DS1_FALLBACK_AMOUNT }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'UPSTREAM_REJECTED_REQUEST',
      details: {
        error_codes: ['merchant_initiated_request_not_supported_by_3ds_protocol'],
      },
    });
    const [recorded] = (await ctx.api('get', '/v1/authentications').expect(200)).body.data;
    expect(recorded).toMatchObject({
      channel: 'merchant_initiated',
      outcome: 'error',
      failure_reason: 'merchant_initiated_request_not_supported_by_3ds_protocol',
    });
  });

  it('refuses channel data and the 3DS Method for a 3RI authentication with NO_CARDHOLDER_STEP', async () => {
    const created = await ctx.client.create(a3riBody(FRICTIONLESS_Y));
    const id = created.body.id as string;
    const submits = [
      { path: 'channel-data', body: { channel_data: aBrowserChannel() } },
      { path: 'channel-data', body: { channel_data: aMerchantInitiatedChannel() } },
      { path: 'issuer-fingerprint', body: { completion: 'Y' } },
    ];
    for (const submit of submits) {
      const refused = await ctx
        .api('post', `/v1/authentications/${id}/${submit.path}`)
        .send(submit.body);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('NO_CARDHOLDER_STEP');
    }
  });

  /** A cardholder-present authentication of a team: the session a 3RI may link to. */
  async function anEarlierSession(apiKey: string = TEAM_A.apiKey): Promise<string> {
    const earlier = await ctx.client
      .as(apiKey)
      .create(aCreateBody(FRICTIONLESS_Y, { channel_data: aBrowserChannel() }))
      .expect(201);
    return earlier.body.checkout_session_id as string;
  }

  const linkedTo = (initialSessionId: string) =>
    a3riBody(FRICTIONLESS_Y, {
      initial_transaction: { ...AN_INITIAL_TRANSACTION, initial_session_id: initialSessionId },
    });

  it("links to an earlier session of the team's own, and Checkout gets the link", async () => {
    const initialSessionId = await anEarlierSession();
    const created = await ctx.client.create(linkedTo(initialSessionId));
    expect(created.status).toBe(201);
    const truth = await ctx.checkoutTruth(created.body.checkout_session_id as string);
    expect(truth.initial_transaction).toMatchObject({ initial_session_id: initialSessionId });
  });

  it("answers a link to another team's session exactly as a link to an unknown one, recording nothing", async () => {
    const othersSession = await anEarlierSession(TEAM_B.apiKey);
    const sessionsBefore = (await ctx.checkout.control('GET', '/counters')).body.sessions_created;
    const refusals = [];
    for (const initialSessionId of [othersSession, 'sid_a2b3c4d5e6f7g2h3i4j5k6l7m2']) {
      const refused = await ctx.client.create(linkedTo(initialSessionId));
      expect(refused.status).toBe(422);
      const { request_id: _differs, ...error } = refused.body.error;
      refusals.push(error);
    }
    expect(refusals[0]).toEqual({
      code: 'INITIAL_SESSION_NOT_FOUND',
      message: expect.any(String),
      details: {
        errors: [
          {
            param: 'initial_transaction.initial_session_id',
            message: 'is no session of this team',
          },
        ],
      },
    });
    expect(refusals[1]).toEqual(refusals[0]);
    expect((await ctx.checkout.control('GET', '/counters')).body.sessions_created).toBe(
      sessionsBefore,
    );
    expect((await ctx.api('get', '/v1/authentications').expect(200)).body.data).toEqual([]);
  });

  it('refuses a 3RI create without channel data, or with a request_type Checkout lacks', async () => {
    const withoutData = await ctx.client.create(
      a3riBody(FRICTIONLESS_Y, { channel_data: undefined }),
    );
    expect(withoutData.status).toBe(400);
    expect(withoutData.body.error.code).toBe('VALIDATION_FAILED');
    const unknownType = await ctx.client.create(
      a3riBody(FRICTIONLESS_Y, { channel_data: aMerchantInitiatedChannel('gift') }),
    );
    expect(unknownType.status).toBe(400);
    expect((await ctx.api('get', '/v1/authentications').expect(200)).body.data).toEqual([]);
  });
});
