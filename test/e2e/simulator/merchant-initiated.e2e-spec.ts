import { contractViolations } from '../../support/checkout-contract.js';
import {
  CheckoutApi,
  type ApiResponse,
  expectConformingAnswers,
} from '../../support/simulator/checkout-api.js';
import {
  AN_INITIAL_TRANSACTION,
  aMerchantInitiatedChannel,
  aSessionRequest,
} from '../../support/simulator/factories.js';
import {
  startSimulatorWithClient,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';

const FRICTIONLESS_Y = '4485040371536584';
const FRICTIONLESS_N = '4539628347117863';
const CHALLENGE_Y = '4242424242424242';
const THREE_DS1_FALLBACK_AMOUNT = 123321;

/** 3RI (merchant_initiated channel data at create): final at once, never a challenge. */
describe('simulator: merchant-initiated 3RI (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);
  let oauth: string;

  beforeAll(async () => {
    ({ simulator, api, oauth } = await startSimulatorWithClient());
  });
  afterAll(() => simulator.close());

  const create3ri = async (number: string, overrides: Record<string, unknown> = {}) =>
    api.createSession(
      oauth,
      aSessionRequest({
        number,
        authentication_type: 'recurring',
        channel_data: aMerchantInitiatedChannel(),
        initial_transaction: AN_INITIAL_TRANSACTION,
        ...overrides,
      }),
    );

  const expectCreated = (response: ApiResponse): void => {
    expect(response.status).toBe(201);
    expect(contractViolations(response.body, 'CreateSessionOkResponse')).toEqual([]);
  };

  it('authenticates a frictionless card with Y, an ECI and a cryptogram', async () => {
    const created = await create3ri(FRICTIONLESS_Y);
    expectCreated(created);
    expect(created.body).toMatchObject({
      status: 'approved',
      response_code: 'Y',
      flow_type: 'frictionless',
      challenged: false,
      next_actions: ['complete'],
      eci: '05',
      initial_transaction: AN_INITIAL_TRANSACTION,
    });
    expect(created.body.cryptogram).toEqual(expect.any(String));
    expect(created.body.acs.interface).toBeUndefined();

    const read = await api.getSession(oauth, created.body.id);
    expect(contractViolations(read.body, 'GetSessionResponse')).toEqual([]);
    expect(read.body.status).toBe('approved');
  });

  it('declines a card whose issuer answers N', async () => {
    const created = await create3ri(FRICTIONLESS_N);
    expectCreated(created);
    expect(created.body).toMatchObject({ status: 'declined', response_code: 'N' });
  });

  it('answers U with reason 21 (3RI not supported) for a card that would challenge', async () => {
    const created = await create3ri(CHALLENGE_Y);
    expectCreated(created);
    expect(created.body).toMatchObject({
      status: 'unavailable',
      response_code: 'U',
      response_status_reason: '21',
      challenged: false,
      next_actions: ['complete'],
    });
    expect(created.body.cryptogram).toBeUndefined();
  });

  it('refuses 3RI on the 3DS1 protocol with 422 merchant_initiated_request_not_supported_by_3ds_protocol', async () => {
    const refused = await create3ri(FRICTIONLESS_Y, { amount: THREE_DS1_FALLBACK_AMOUNT });
    expect(refused.status).toBe(422);
    expect(contractViolations(refused.body, 'ErrorResponse')).toEqual([]);
    expect(refused.body).toMatchObject({
      error_type: 'unprocessable_entity',
      error_codes: ['merchant_initiated_request_not_supported_by_3ds_protocol'],
    });
  });

  it('refuses a request_type outside the enumeration with 422', async () => {
    const refused = await create3ri(FRICTIONLESS_Y, {
      channel_data: aMerchantInitiatedChannel('birthday_present'),
    });
    expect(refused.status).toBe(422);
    expect(contractViolations(refused.body, 'ErrorResponse')).toEqual([]);
  });
});
