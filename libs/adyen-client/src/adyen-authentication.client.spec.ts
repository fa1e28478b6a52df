import { Logger } from '@nestjs/common';
import {
  API_KEY,
  CLIENT_KEY,
  loggedWhile,
  MERCHANT_ACCOUNT,
  adyenOptionsAt,
  ScriptedAdyen,
} from '../../../test/support/adyen-client/scripted-adyen.js';
import { AdyenAuthenticationClient } from './adyen-authentication.client.js';
import type { AdyenAuthenticationRequest } from './adyen.wire.js';

const CARD_NUMBER = '4000009900000012';
const PAYMENT_DATA = 'Ab02b4c0!BQABAgB-payment-data-never-logged';
const AUTHORISATION_TOKEN = 'BQABAQ-authorisation-token-never-logged';
const THREE_DS_RESULT = Buffer.from(
  JSON.stringify({ transStatus: 'Y', authorisationToken: AUTHORISATION_TOKEN }),
).toString('base64');

const REQUEST = {
  reference: 'order-0012',
  amount: { currency: 'EUR', value: 1250 },
  paymentMethod: {
    type: 'scheme',
    number: CARD_NUMBER,
    expiryMonth: '03',
    expiryYear: '2030',
    holderName: 'J. Smith',
  },
  returnUrl: 'https://merchant.example/return',
  authenticationData: { authenticationOnly: true },
} as AdyenAuthenticationRequest;

const IDENTIFY_SHOPPER = {
  resultCode: 'IdentifyShopper',
  action: {
    type: 'threeDS2',
    subtype: 'fingerprint',
    token: 'eyJ0aHJlZURTTWV0aG9kVXJsIjoiaHR0cHM6Ly9hY3MuZXhhbXBsZSJ9',
    paymentData: PAYMENT_DATA,
    authorisationToken: AUTHORISATION_TOKEN,
  },
};
const FINISHED = {
  resultCode: 'AuthenticationFinished',
  pspReference: 'QWERTY1234567890',
  threeDS2Result: { transStatus: 'Y', eci: '05' },
};

/**
 * The client against a stand-in for Adyen's hosts, laid out as the simulator's routes are: where
 * each call goes, what it carries, what comes back, and what is logged.
 */
describe('AdyenAuthenticationClient', () => {
  let adyen: ScriptedAdyen;
  let client: AdyenAuthenticationClient;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    adyen = await ScriptedAdyen.start();
    client = new AdyenAuthenticationClient(adyenOptionsAt(adyen.url));
  });
  afterAll(() => adyen.close());
  beforeEach(() => adyen.clear());

  it('sends each library call to the configured base instead of the library’s own', async () => {
    await client.createPayment(REQUEST, 'auth-1');
    await client.paymentDetails({ details: { threeDSResult: THREE_DS_RESULT } }, 'auth-1:details');
    await client.retrieve3ds2Result('QWERTY1234567890');

    expect(adyen.received.map((request) => [request.method, request.url])).toEqual([
      ['POST', '/v71/payments'],
      ['POST', '/v71/payments/details'],
      ['POST', '/pal/servlet/Payment/v68/retrieve3ds2Result'],
    ]);
  });

  it('takes a configured base with a trailing slash as the same base', async () => {
    const slashed = new AdyenAuthenticationClient(
      adyenOptionsAt(adyen.url, {
        apiUrl: `${adyen.url}/v71/`,
        checkoutShopperUrl: `${adyen.url}/checkoutshopper/`,
      }),
    );
    adyen.answerNext({}, { body: { type: 'completed', details: { threeDSResult: 'x' } } });
    await slashed.createPayment(REQUEST, 'auth-1');
    await slashed.submitThreeDS2Fingerprint(
      { fingerprintResult: 'eyJ0aHJlZURTQ29tcEluZCI6IlkifQ==', paymentData: PAYMENT_DATA },
      'auth-1:fingerprint',
    );

    expect(adyen.received.map((request) => request.url.split('?')[0])).toEqual([
      '/v71/payments',
      '/checkoutshopper/v1/submitThreeDS2Fingerprint',
    ]);
  });

  it('sends the API key, JSON and the idempotency key; the merchant account is ours', async () => {
    adyen.answerNext({ body: IDENTIFY_SHOPPER });
    const started = await client.createPayment(REQUEST, 'auth-1');

    const [sent] = adyen.received;
    expect(sent.headers).toMatchObject({
      'x-api-key': API_KEY,
      'content-type': 'application/json',
      'idempotency-key': 'auth-1',
    });
    expect(JSON.parse(sent.body)).toMatchObject({
      merchantAccount: MERCHANT_ACCOUNT,
      reference: 'order-0012',
      paymentMethod: { number: CARD_NUMBER },
      authenticationData: { authenticationOnly: true },
    });
    expect(started).toMatchObject(IDENTIFY_SHOPPER);
  });

  it('reads a result by our merchant account and the pspReference, without a key to replay', async () => {
    adyen.answerNext({ body: { threeDS2Result: FINISHED.threeDS2Result } });
    const read = await client.retrieve3ds2Result('QWERTY1234567890');

    const [sent] = adyen.received;
    expect(JSON.parse(sent.body)).toEqual({
      merchantAccount: MERCHANT_ACCOUNT,
      pspReference: 'QWERTY1234567890',
    });
    expect(sent.headers['x-api-key']).toBe(API_KEY);
    expect(sent.headers).not.toHaveProperty('idempotency-key');
    expect(read.threeDS2Result).toMatchObject({ transStatus: 'Y', eci: '05' });
  });

  it('posts the fingerprint to checkoutshopper with the client key, never the API key', async () => {
    const challenge = { ...IDENTIFY_SHOPPER.action, subtype: 'challenge' };
    adyen.answerNext({ body: { type: 'action', action: challenge } });
    const fingerprintResult = Buffer.from('{"threeDSCompInd":"Y"}').toString('base64');
    const answer = await client.submitThreeDS2Fingerprint(
      { fingerprintResult, paymentData: PAYMENT_DATA },
      'auth-1:fingerprint',
    );

    const [sent] = adyen.received;
    expect(sent.url).toBe(`/checkoutshopper/v1/submitThreeDS2Fingerprint?token=${CLIENT_KEY}`);
    expect(sent.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'auth-1:fingerprint',
    });
    expect(sent.headers).not.toHaveProperty('x-api-key');
    expect(JSON.parse(sent.body)).toEqual({ fingerprintResult, paymentData: PAYMENT_DATA });
    expect(answer).toEqual({ type: 'action', action: challenge });
  });

  it('keeps one connection alive across calls, checkoutshopper’s included', async () => {
    // undici reuses a socket only a full turn of the event loop after its last answer (it checks
    // the server did not close it meanwhile); calls made in the same turn may open a second one.
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const before = adyen.connectionsAccepted;
    adyen.answerNext({}, {}, {}, { body: { type: 'completed', details: { threeDSResult: 'x' } } });
    await client.createPayment(REQUEST, 'auth-2');
    await nextTurn();
    await client.paymentDetails({ details: { threeDSResult: THREE_DS_RESULT } }, 'auth-2:d');
    await nextTurn();
    await client.retrieve3ds2Result('QWERTY1234567890');
    await nextTurn();
    await client.submitThreeDS2Fingerprint(
      { fingerprintResult: 'x', paymentData: PAYMENT_DATA },
      'auth-2:fingerprint',
    );

    expect(adyen.received).toHaveLength(4);
    expect(new Set(adyen.received.map((request) => request.connection)).size).toBe(1);
    expect(adyen.connectionsAccepted - before).toBeLessThanOrEqual(1);
  });

  it('logs each call’s operation, status, pspReference and errorCode, and no secret', async () => {
    const lines = await loggedWhile(async () => {
      adyen.answerNext(
        { body: IDENTIFY_SHOPPER },
        { body: { type: 'completed', details: { threeDSResult: THREE_DS_RESULT } } },
        { body: FINISHED },
        {
          status: 422,
          body: {
            status: 422,
            errorCode: '101',
            errorType: 'validation',
            pspReference: 'ERR0000000000001',
          },
        },
      );
      await client.createPayment(REQUEST, 'auth-3');
      await client.submitThreeDS2Fingerprint(
        { fingerprintResult: 'eyJ0aHJlZURTQ29tcEluZCI6IlkifQ==', paymentData: PAYMENT_DATA },
        'auth-3:fingerprint',
      );
      await client.paymentDetails({ details: { threeDSResult: THREE_DS_RESULT } }, 'auth-3:d');
      await client.createPayment(REQUEST, 'auth-4').catch(() => undefined);
    });

    expect(lines).toHaveLength(4);
    expect(lines.map((line) => JSON.parse(line)[0])).toEqual([
      expect.objectContaining({ msg: 'adyen call', operation: 'create payment', status: 200 }),
      expect.objectContaining({ operation: 'fingerprint', status: 200 }),
      expect.objectContaining({
        operation: 'payment details',
        psp_reference: FINISHED.pspReference,
      }),
      expect.objectContaining({
        operation: 'create payment',
        status: 422,
        error_code: '101',
        psp_reference: 'ERR0000000000001',
      }),
    ]);
    for (const secret of [
      API_KEY,
      CLIENT_KEY,
      CARD_NUMBER,
      PAYMENT_DATA,
      AUTHORISATION_TOKEN,
      THREE_DS_RESULT,
    ]) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
