import {
  AdyenAuthenticationClient,
  type AdyenAuthenticationRequest,
  type AdyenClientOptions,
  type AdyenPaymentResponse,
  type AdyenThreeDS2Action,
} from '@app/adyen-client';
import {
  UpstreamBusyError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from '@app/domain';
import { Logger } from '@nestjs/common';
import { adyenOptionsAt } from '../../support/adyen-client/scripted-adyen.js';
import { anAuthenticationRequest, threeDSResult } from '../../support/adyen-simulator/factories.js';
import {
  ADYEN_API_KEY,
  ADYEN_CLIENT_KEY,
  ADYEN_MERCHANT_ACCOUNT,
  startAdyenSimulator,
  type AdyenSimulatorUnderTest,
} from '../../support/adyen-simulator/simulator-app.js';

/** docs/adyen-simulator.md#test-cards */
const FRICTIONLESS_AFTER_METHOD = '4000009900000012';
const CHALLENGE_AFTER_METHOD = '4000009900000087';
const FINISHES_AT_ONCE = '4000009900000061';

interface LoggedRequest {
  readonly path: string;
  readonly auth: string;
  readonly idempotencyKey?: string;
}

/** The fingerprint action `/payments` answers with `IdentifyShopper`. */
const fingerprintActionOf = (answer: AdyenPaymentResponse): AdyenThreeDS2Action => {
  expect(answer).toMatchObject({
    resultCode: 'IdentifyShopper',
    action: { type: 'threeDS2', subtype: 'fingerprint' },
  });
  return answer.action as AdyenThreeDS2Action;
};

const authenticationRequest = (number: string): AdyenAuthenticationRequest => {
  const { merchantAccount: _ours, ...request } = anAuthenticationRequest(number);
  return request;
};

/**
 * The Adyen client against the real Adyen simulator over HTTP: the routes its configured bases
 * lead to, a whole frictionless authentication, and the simulator's own errors and faults as
 * the Upstream* errors the adapter classifies (docs/adyen-adapter.md#failures).
 */
describe('adyen client against the Adyen simulator (e2e)', () => {
  let simulator: AdyenSimulatorUnderTest;

  const clientWith = (overrides: Partial<AdyenClientOptions> = {}) =>
    new AdyenAuthenticationClient(
      adyenOptionsAt(simulator.url, {
        apiKey: ADYEN_API_KEY,
        clientKey: ADYEN_CLIENT_KEY,
        merchantAccount: ADYEN_MERCHANT_ACCOUNT,
        ...overrides,
      }),
    );
  const failureOf = (call: Promise<unknown>): Promise<unknown> =>
    call.then(
      () => {
        throw new Error('the call succeeded');
      },
      (error: unknown) => error,
    );
  const fault = (body: object) =>
    simulator.control('POST', '/faults', { route: 'POST /v71/payments', times: 1, ...body });
  const loggedRequests = async () =>
    ((await (await simulator.control('GET', '/requests')).json()) as { requests: LoggedRequest[] })
      .requests;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    simulator = await startAdyenSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    expect((await simulator.control('POST', '/reset')).status).toBe(204);
  });

  it('runs a frictionless authentication: payment, fingerprint, details, then the read', async () => {
    const client = clientWith();
    const started = await client.createPayment(
      authenticationRequest(FRICTIONLESS_AFTER_METHOD),
      'auth-1',
    );
    const fingerprinted = await client.submitThreeDS2Fingerprint(
      {
        fingerprintResult: threeDSResult({ threeDSCompInd: 'Y' }),
        paymentData: fingerprintActionOf(started).paymentData!,
      },
      'auth-1:fingerprint',
    );
    if (fingerprinted.type !== 'completed') throw new Error('a frictionless card was challenged');
    const finished = await client.paymentDetails(
      { details: { threeDSResult: fingerprinted.details.threeDSResult } },
      'auth-1:details:Y',
    );
    expect(finished).toMatchObject({
      resultCode: 'AuthenticationFinished',
      threeDS2Result: { transStatus: 'Y' },
    });

    const read = await client.retrieve3ds2Result(finished.pspReference!);
    expect(read.threeDS2Result).toEqual(finished.threeDS2Result);
    expect(
      (await loggedRequests()).map(({ path, auth, idempotencyKey }) => [
        path,
        auth,
        idempotencyKey,
      ]),
    ).toEqual([
      ['/v71/payments', 'api_key', 'auth-1'],
      ['/checkoutshopper/v1/submitThreeDS2Fingerprint', 'none', 'auth-1:fingerprint'],
      ['/v71/payments/details', 'api_key', 'auth-1:details:Y'],
      ['/pal/servlet/Payment/v68/retrieve3ds2Result', 'api_key', undefined],
    ]);
  });

  it('gets the challenge action from the fingerprint for a challenged card', async () => {
    const client = clientWith();
    const started = await client.createPayment(
      authenticationRequest(CHALLENGE_AFTER_METHOD),
      'auth-2',
    );
    const answer = await client.submitThreeDS2Fingerprint(
      {
        fingerprintResult: threeDSResult({ threeDSCompInd: 'Y' }),
        paymentData: fingerprintActionOf(started).paymentData!,
      },
      'auth-2:fingerprint',
    );
    expect(answer).toMatchObject({ type: 'action', action: { subtype: 'challenge' } });
  });

  it('answers a create re-sent with its key with the first answer', async () => {
    const client = clientWith();
    const request = authenticationRequest(FINISHES_AT_ONCE);
    const first = await client.createPayment(request, 'auth-3');
    const again = await client.createPayment(request, 'auth-3');
    expect(again.pspReference).toBe(first.pspReference);
    const counters = await (await simulator.control('GET', '/counters')).json();
    expect(counters).toMatchObject({ authentications_created: 1, idempotent_replays: 1 });
  });

  it.each([
    ['a wrong API key', 401, '000', { apiKey: 'AQE-wrong' }],
    ['another merchant account', 403, '901', { merchantAccount: 'SomeoneElseECOM' }],
  ])(
    '%s (%i %s) is our configuration: unavailable, nothing processed',
    async (_name, status, code, overrides) => {
      const error = await failureOf(
        clientWith(overrides).createPayment(authenticationRequest(FINISHES_AT_ONCE), 'auth-4'),
      );
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect(error).toMatchObject({
        maybeProcessed: false,
        details: { reason: `HTTP ${status} ${code}` },
      });
    },
  );

  it('a Luhn-invalid card is refused 422 101, an unknown pspReference 422 702', async () => {
    const client = clientWith();
    const card = await failureOf(
      client.createPayment(authenticationRequest('4000009900000011'), 'auth-5'),
    );
    const read = await failureOf(client.retrieve3ds2Result('ZZZZZZZZZZZZZZZZ'));
    expect(card).toMatchObject({ status: 422, errorType: 'validation', errorCodes: ['101'] });
    expect(read).toMatchObject({ status: 422, errorCodes: ['702'] });
    expect(read).toBeInstanceOf(UpstreamRejectedRequestError);
  });

  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['a malformed answer', { kind: 'malformed', status: 200 }],
    ['a dropped connection', { kind: 'reset' }],
  ])('%s to a create may have been processed', async (_name, body) => {
    await fault(body);
    const error = await failureOf(
      clientWith().createPayment(authenticationRequest(FINISHES_AT_ONCE), 'auth-6'),
    );
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ maybeProcessed: true });
  });

  it('a create held past its deadline may have been processed', async () => {
    // The fault holds the answer until the client gives up: only the error's class is checked.
    await fault({ kind: 'timeout' });
    const impatient = clientWith({ timeouts: { readMs: 10_000, authenticationMs: 500 } });
    const error = await failureOf(
      impatient.createPayment(authenticationRequest(FINISHES_AT_ONCE), 'auth-7'),
    );
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ maybeProcessed: true });
  });

  it('429 is busy with the simulator’s Retry-After', async () => {
    await fault({ kind: 'status', status: 429, retry_after: 3 });
    const error = await failureOf(
      clientWith().createPayment(authenticationRequest(FINISHES_AT_ONCE), 'auth-8'),
    );
    expect(error).toBeInstanceOf(UpstreamBusyError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 3 });
  });
});
