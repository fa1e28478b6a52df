import { hmacValidator, HttpClientException, type Types } from '@adyen/api-library';
import { newAnswerViolations } from '../../support/adyen-simulator/adyen-contract.js';
import {
  officialLibraryAgainst,
  type OfficialLibrary,
} from '../../support/adyen-simulator/adyen-library.js';
import { anAuthenticationRequest } from '../../support/adyen-simulator/factories.js';
import {
  ADYEN_HMAC_KEY,
  startAdyenSimulator,
  type AdyenSimulatorUnderTest,
} from '../../support/adyen-simulator/simulator-app.js';
import { HttpRecorder } from '../../support/http-recorder.js';

type Answer = Record<string, unknown>;
type NotificationItem = Types.notification.NotificationRequestItem;
interface WebhookAttempt {
  readonly attempt: number;
  readonly status: number;
}

/** Frictionless Y, no 3DS Method: the first answer is final and sends a webhook. */
const FINISHES_AT_ONCE = '4000009900000061';
const WEBHOOK_AUTH = { username: 'adyen-webhooks', password: 'e2e-basic-password' };

/**
 * The Adyen simulator's idempotency, faults (control API in the Checkout simulator's shape) and
 * signed AUTHENTICATION webhooks, through Adyen's official Node library; the webhook signature
 * is verified with the library's own HmacValidator.
 */
describe('adyen simulator: idempotency, faults and webhooks (e2e)', () => {
  let simulator: AdyenSimulatorUnderTest;
  let merchant: HttpRecorder;
  let adyen: OfficialLibrary;

  beforeAll(async () => {
    merchant = await HttpRecorder.start();
    simulator = await startAdyenSimulator({
      webhook: { url: merchant.to('/webhooks'), basicAuth: WEBHOOK_AUTH },
    });
    adyen = officialLibraryAgainst(simulator.url);
  });
  afterAll(async () => {
    await simulator.close();
    await merchant.close();
  });
  beforeEach(async () => {
    expect((await simulator.control('POST', '/reset')).status).toBe(204);
    merchant.clear();
  });
  afterEach(() => expect(newAnswerViolations(adyen.transport)).toEqual([]));

  const counters = async () =>
    (await (await simulator.control('GET', '/counters')).json()) as Answer;

  it('answers a replay with the same Idempotency-Key and body with the first answer, once', async () => {
    const request = anAuthenticationRequest(FINISHES_AT_ONCE);
    const first = await adyen.checkout.PaymentsApi.payments(request, { idempotencyKey: 'key-1' });
    const again = await adyen.checkout.PaymentsApi.payments(request, { idempotencyKey: 'key-1' });
    const otherBody = await adyen.checkout.PaymentsApi.payments(
      { ...request, reference: 'another-order' },
      { idempotencyKey: 'key-1' },
    ).catch((error: unknown) => error);

    expect(again).toEqual(first);
    expect(otherBody).toBeInstanceOf(HttpClientException);
    expect(otherBody).toMatchObject({ statusCode: 422, errorCode: '704' });
    expect(await counters()).toMatchObject({ authentications_created: 1, idempotent_replays: 1 });
  });

  it('a scripted 503 changes nothing, and the retry with the same key succeeds', async () => {
    await simulator.control('POST', '/faults', {
      route: 'POST /v71/payments',
      kind: 'status',
      status: 503,
      times: 1,
    });
    const request = anAuthenticationRequest(FINISHES_AT_ONCE);

    const failed = await adyen.checkout.PaymentsApi.payments(request, {
      idempotencyKey: 'key-2',
    }).catch((error: unknown) => error);
    expect(failed).toMatchObject({ statusCode: 503, errorCode: '000' });
    expect(await counters()).toMatchObject({ authentications_created: 0 });

    const retried = (await adyen.checkout.PaymentsApi.payments(request, {
      idempotencyKey: 'key-2',
    })) as Answer;
    expect(retried.resultCode).toBe('AuthenticationFinished');
  });

  it('a late answer times the client out after the work was done; the retry replays it', async () => {
    await simulator.control('POST', '/faults', {
      route: 'POST /v71/payments',
      kind: 'late_answer',
      latency_ms: 1_500,
      times: 1,
    });
    const impatient = officialLibraryAgainst(simulator.url);
    impatient.checkout.client.config.connectionTimeoutMillis = 300;
    const request = anAuthenticationRequest(FINISHES_AT_ONCE);

    const timedOut = await impatient.checkout.PaymentsApi.payments(request, {
      idempotencyKey: 'key-3',
    }).catch((error: unknown) => error);
    expect(timedOut).toMatchObject({ name: 'ApiException', statusCode: 500 });
    expect(await counters()).toMatchObject({ authentications_created: 1 });

    const retried = (await adyen.checkout.PaymentsApi.payments(request, {
      idempotencyKey: 'key-3',
    })) as Answer;
    expect(retried.resultCode).toBe('AuthenticationFinished');
    expect(await counters()).toMatchObject({ authentications_created: 1, idempotent_replays: 1 });
  });

  it('sends a standard AUTHENTICATION webhook the library HmacValidator accepts, with Basic auth', async () => {
    const finished = (await adyen.checkout.PaymentsApi.payments(
      anAuthenticationRequest(FINISHES_AT_ONCE),
    )) as Answer;

    const [delivery] = await merchant.waitFor('/webhooks');
    const basic = Buffer.from(`${WEBHOOK_AUTH.username}:${WEBHOOK_AUTH.password}`).toString(
      'base64',
    );
    expect(delivery.headers.authorization).toBe(`Basic ${basic}`);
    expect(delivery.body).toMatchObject({ live: 'false' });
    const [{ NotificationRequestItem: item }] = (
      delivery.body as { notificationItems: Array<{ NotificationRequestItem: NotificationItem }> }
    ).notificationItems;
    expect(item).toMatchObject({
      eventCode: 'AUTHENTICATION',
      success: 'true',
      pspReference: finished.pspReference,
      merchantReference: finished.merchantReference,
      amount: { value: 1250, currency: 'EUR' },
    });
    const validator = new hmacValidator();
    expect(validator.validateHMAC(item, ADYEN_HMAC_KEY)).toBe(true);
    expect(validator.validateHMAC({ ...item, merchantReference: 'tampered' }, ADYEN_HMAC_KEY)).toBe(
      false,
    );
  });

  it('retries a webhook the merchant does not accept on Adyen schedule (scaled), and drops on request', async () => {
    merchant.respondWith = (_request, index) => (index < 2 ? 500 : 200);
    await adyen.checkout.PaymentsApi.payments(anAuthenticationRequest(FINISHES_AT_ONCE));
    await merchant.waitFor('/webhooks', 3);
    const { attempts } = (await (await simulator.control('GET', '/webhooks')).json()) as {
      attempts: WebhookAttempt[];
    };
    expect(attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);

    merchant.clear();
    await simulator.control('POST', '/deliveries', { channel: 'webhook', mode: 'drop', times: 1 });
    await adyen.checkout.PaymentsApi.payments(anAuthenticationRequest(FINISHES_AT_ONCE));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(merchant.received('/webhooks')).toHaveLength(0);
  });
});
