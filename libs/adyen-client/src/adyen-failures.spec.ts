import {
  UpstreamBusyError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from '@app/domain';
import { Logger } from '@nestjs/common';
import { freePort } from '../../../test/support/free-port.js';
import {
  adyenOptionsAt,
  ScriptedAdyen,
  type ScriptedAnswer,
} from '../../../test/support/adyen-client/scripted-adyen.js';
import type { AdyenExchangeObservation } from './adyen-call.observer.js';
import { AdyenAuthenticationClient } from './adyen-authentication.client.js';
import type { AdyenAuthenticationRequest } from './adyen.wire.js';

const REQUEST = {
  reference: 'order-0012',
  amount: { currency: 'EUR', value: 1250 },
  paymentMethod: { type: 'scheme', number: '4000009900000012' },
  returnUrl: 'https://merchant.example/return',
} as AdyenAuthenticationRequest;

/** Adyen's `ServiceError` body (docs/adyen-authentication.md#errors). */
const serviceError = (
  status: number,
  errorCode: string,
  errorType: string,
): Exclude<ScriptedAnswer, string> => ({
  status,
  body: { status, errorCode, errorType, message: 'x', pspReference: 'ERR0000000000001' },
});

/**
 * Each failure of docs/adyen-adapter.md#failures comes out of the client as the Upstream* error
 * the adapter classifies, through Adyen's library untouched, and is told to the observer.
 */
describe('AdyenAuthenticationClient failures', () => {
  let adyen: ScriptedAdyen;
  let client: AdyenAuthenticationClient;
  const observed: AdyenExchangeObservation[] = [];
  const observer = { exchangeFinished: (seen: AdyenExchangeObservation) => observed.push(seen) };

  const calls = {
    write: () => client.createPayment(REQUEST, 'auth-1'),
    details: () => client.paymentDetails({ details: { threeDSResult: 'x' } }, 'auth-1:d'),
    fingerprint: () =>
      client.submitThreeDS2Fingerprint({ fingerprintResult: 'x', paymentData: 'y' }, 'auth-1:f'),
    read: () => client.retrieve3ds2Result('QWERTY1234567890'),
  };
  const failureOf = (call: () => Promise<unknown>): Promise<unknown> =>
    call().then(
      () => {
        throw new Error('the call succeeded');
      },
      (error: unknown) => error,
    );

  beforeAll(async () => {
    Logger.overrideLogger(false);
    adyen = await ScriptedAdyen.start();
    client = new AdyenAuthenticationClient(adyenOptionsAt(adyen.url, { observer }));
  });
  afterAll(() => adyen.close());
  beforeEach(() => {
    adyen.clear();
    observed.length = 0;
  });

  it.each(['write', 'details', 'fingerprint'] as const)(
    'a 5xx to a %s may have been processed',
    async (call) => {
      adyen.answerNext(serviceError(500, '000', 'internal'));
      const error = await failureOf(calls[call]);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect(error).toMatchObject({
        maybeProcessed: true,
        message: expect.stringMatching(/^Adyen/),
      });
    },
  );

  it('a 5xx to the read is only unavailable', async () => {
    adyen.answerNext(serviceError(502, '000', 'internal'));
    const error = await failureOf(calls.read);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ maybeProcessed: false });
  });

  it('429 is busy, with Adyen’s Retry-After', async () => {
    adyen.answerNext({ ...serviceError(429, '000', 'internal'), headers: { 'retry-after': '7' } });
    const error = await failureOf(calls.write);
    expect(error).toBeInstanceOf(UpstreamBusyError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 7 });
  });

  it.each([
    [401, '000'],
    [403, '901'],
    [404, undefined],
  ])(
    '%i is our configuration: unavailable, nothing processed, never a refusal',
    async (status, code) => {
      adyen.answerNext(
        code ? serviceError(status, code, 'security') : { status, body: '<html>Not Found</html>' },
      );
      const error = await failureOf(calls.write);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect(error).toMatchObject({ maybeProcessed: false });
      expect((error as UpstreamUnavailableError).details).toMatchObject({
        reason: code ? `HTTP ${status} ${code}` : `HTTP ${status}`,
      });
    },
  );

  it.each([
    [422, '101', 'validation'],
    [422, '704', 'validation'],
  ])('%i %s is refused with its status, errorType and errorCode', async (status, code, type) => {
    adyen.answerNext(serviceError(status, code, type));
    const error = await failureOf(calls.write);
    expect(error).toBeInstanceOf(UpstreamRejectedRequestError);
    expect(error).toMatchObject({ status, errorType: type, errorCodes: [code] });
  });

  it('a 4xx without a ServiceError body is refused with its status alone', async () => {
    adyen.answerNext({ status: 400, body: '<html>Bad Request</html>' });
    const error = await failureOf(calls.read);
    expect(error).toBeInstanceOf(UpstreamRejectedRequestError);
    expect(error).toMatchObject({ status: 400, errorType: 'unknown', errorCodes: [] });
  });

  it.each([
    ['a write', 'write', true],
    ['the read', 'read', false],
  ] as const)('malformed JSON in a 2xx to %s is unreadable', async (_name, call, maybe) => {
    adyen.answerNext({ body: '{"resultCode": "AuthenticationFin' });
    const error = await failureOf(calls[call]);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ maybeProcessed: maybe });
    expect(observed).toEqual([
      expect.objectContaining({ status: 200, failure: 'malformed_response' }),
    ]);
  });

  it('a fingerprint answer of no known shape is unreadable', async () => {
    adyen.answerNext({ body: { type: 'redirect', url: 'https://acs.example' } });
    const error = await failureOf(calls.fingerprint);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ maybeProcessed: true });
  });

  it('no answer before the deadline: a write may have been processed, the read not', async () => {
    // The answers never come, so the deadlines' length decides nothing but the test's time. On a
    // busy machine a deadline may pass before a request is even sent, and one sent may arrive
    // after the test: a server of its own keeps it from answering another test's script.
    const silent = await ScriptedAdyen.start();
    const impatient = new AdyenAuthenticationClient(
      adyenOptionsAt(silent.url, { observer, timeouts: { readMs: 200, authenticationMs: 300 } }),
    );
    silent.answerNext('hang', 'hang');
    const write = await failureOf(() => impatient.createPayment(REQUEST, 'auth-1'));
    const read = await failureOf(() => impatient.retrieve3ds2Result('QWERTY1234567890'));
    await silent.close();

    expect(write).toBeInstanceOf(UpstreamUnavailableError);
    expect(write).toMatchObject({ maybeProcessed: true });
    expect(read).toBeInstanceOf(UpstreamUnavailableError);
    expect(read).toMatchObject({ maybeProcessed: false });
    expect(observed.map(({ failure, status }) => ({ failure, status }))).toEqual([
      { failure: 'timeout', status: undefined },
      { failure: 'timeout', status: undefined },
    ]);
  });

  it('a connection dropped after the request arrived: the write may have been processed', async () => {
    adyen.answerNext('reset');
    const error = await failureOf(calls.write);
    expect(adyen.received).toHaveLength(1);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ maybeProcessed: true });
    expect(observed).toEqual([expect.objectContaining({ failure: 'network' })]);
  });

  it('a refused connection: nothing was sent, so not even a write was processed', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const unreachable = new AdyenAuthenticationClient(
      adyenOptionsAt(adyen.url, { apiUrl: `${nobody}/v71` }),
    );
    const error = await failureOf(() => unreachable.createPayment(REQUEST, 'auth-1'));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ maybeProcessed: false });
    expect((error as UpstreamUnavailableError).details).toMatchObject({ reason: 'ECONNREFUSED' });
  });

  it('tells the observer the operation, status and duration of every answer', async () => {
    adyen.answerNext({}, serviceError(422, '101', 'validation'));
    await calls.read();
    await failureOf(calls.write);
    expect(observed).toEqual([
      { operation: 'retrieve result', status: 200, seconds: expect.any(Number) },
      { operation: 'create payment', status: 422, seconds: expect.any(Number) },
    ]);
  });
});
