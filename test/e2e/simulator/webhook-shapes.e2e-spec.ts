import { documentedExample } from '../../support/checkout-webhook-examples.js';
import type { HttpRecorder } from '../../support/http-recorder.js';
import { answerChallenge } from '../../support/simulator/browser.js';
import type { CheckoutApi } from '../../support/simulator/checkout-api.js';
import { aBrowserChannel, aSessionRequest } from '../../support/simulator/factories.js';
import {
  startSimulatorWithWebhooks,
  type SimulatorWithWebhooks,
} from '../../support/simulator/simulator-app.js';

interface WebhookEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  [field: string]: unknown;
}

/**
 * Fields of a documented example a standalone session may leave out: it has no payment, no
 * transStatus before the DS answered, and no reference unless the merchant gave one.
 */
const MAY_BE_ABSENT = ['payment_id', 'response_code', 'reference'];

/**
 * Each event has the fields of Checkout's documented example of its type
 * (contracts/checkout/webhooks), no other, with the same JSON types; null where Checkout sends
 * null for a missing value.
 */
function expectDocumentedShape(event: WebhookEvent): void {
  const documented = documentedExample(event.type).example;
  expect(Object.keys(event).sort()).toEqual(Object.keys(documented).sort());
  const allowed = Object.keys(documented.data);
  expect(Object.keys(event.data).filter((field) => !allowed.includes(field))).toEqual([]);
  const missing = allowed.filter(
    (field) => !MAY_BE_ABSENT.includes(field) && !(field in event.data),
  );
  expect(missing).toEqual([]);
  for (const [field, value] of Object.entries(event.data)) {
    const example = documented.data[field];
    if (value !== null && example !== null)
      expect([field, typeof value]).toEqual([field, typeof example]);
  }
}

/** What the simulator's workflow webhooks carry for each end a session can reach. */
describe('simulator: webhook shapes follow Checkout’s examples (e2e)', () => {
  let sim: SimulatorWithWebhooks;
  let merchant: HttpRecorder;
  let api: CheckoutApi;
  let oauth: string;

  beforeAll(async () => {
    sim = await startSimulatorWithWebhooks();
    ({ merchant, api } = sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await sim.reset();
    oauth = await api.token();
  });

  const eventsOf = (sessionId: string): WebhookEvent[] =>
    merchant
      .received('/webhooks')
      .map((hook) => hook.body as unknown as WebhookEvent)
      .filter((event) => event.data.session_id === sessionId);
  /** The session's event that announces its end (waits for it; fails after 5 s per arrival). */
  const finalEventOf = async (sessionId: string): Promise<WebhookEvent> => {
    for (;;) {
      const final = eventsOf(sessionId).find((event) => event.type !== 'authentication_started');
      if (final) return final;
      await merchant.waitFor('/webhooks', merchant.received('/webhooks').length + 1);
    }
  };
  const create = async (number: string, withChannelData = true) => {
    const created = await api.createSession(
      oauth,
      aSessionRequest({ number, ...(withChannelData ? { channel_data: aBrowserChannel() } : {}) }),
    );
    expect(created.status).toBeLessThan(300);
    return created.body;
  };
  const advance = async (ms: number) =>
    expect((await api.control('POST', '/clock/advance', { ms })).status).toBeLessThan(300);

  it.each([
    ['4485040371536584', 'authentication_approved', { response_code: 'Y', eci: '05' }],
    ['4556574722325580', 'authentication_attempted', { response_code: 'A', eci: '06' }],
    [
      '4539628347117863',
      'authentication_failed',
      { reason: 'Declined', reason_description: 'Authentication Declined', error_details: null },
    ],
    [
      '4275765574319271',
      'authentication_failed',
      { reason: 'Rejected', reason_description: 'Authentication Rejected', response_code: 'R' },
    ],
    [
      '4024007186645015',
      'authentication_failed',
      {
        reason: 'Unavailable',
        transaction_status_reason: 'ares_status',
        response_code: 'U',
        error_details: null,
      },
    ],
    [
      '4452927588210665',
      'authentication_failed',
      {
        reason: 'Unavailable',
        transaction_status_reason: 'ares_error',
        error_details: expect.objectContaining({ error_component: 'D' }),
      },
    ],
  ])('card %s ends with %s in the documented shape', async (number, type, expected) => {
    const session = await create(number);
    const started = eventsOf(session.id as string).find(
      (event) => event.type === 'authentication_started',
    );
    const final = await finalEventOf(session.id as string);
    expect(final.type).toBe(type);
    expect(final.data).toMatchObject({ session_id: session.id, amount: '6540', ...expected });
    expectDocumentedShape(final);
    if (started) expectDocumentedShape(started);
  });

  it('a cancelled challenge is authentication_failed, Declined', async () => {
    const session = await create('4242424242424242');
    await answerChallenge(session.acs.url, session['3ds'].challenge_request, 'cancel');
    const final = await finalEventOf(session.id as string);
    expect(final).toMatchObject({
      type: 'authentication_failed',
      data: {
        reason: 'Declined',
        transaction_status_reason: 'rreq_status',
        challenged: true,
        response_code: 'N',
      },
    });
    expectDocumentedShape(final);
  });

  it('a challenge time-out is authentication_expired, ChallengeExpired, without error_details', async () => {
    const session = await create('4242424242424242');
    await advance(sim.simulator.config.challengeTtlSeconds * 1000 + 1_000);
    const final = await finalEventOf(session.id as string);
    expect(final).toMatchObject({
      type: 'authentication_expired',
      data: {
        reason: 'ChallengeExpired',
        reason_description: 'ACS timed out',
        transaction_status_reason: 'rreq_status',
        challenged: true,
        acs_challenged_mandated: true,
      },
    });
    expect(final.data).not.toHaveProperty('error_details');
    expectDocumentedShape(final);
  });

  it('a session left to its lifetime is authentication_expired', async () => {
    const session = await create('4485040371536584', false);
    await advance(sim.simulator.config.sessionTtlSeconds * 1000 + 1_000);
    expect((await api.getSession(oauth, session.id as string)).body.status).toBe('expired');
    const final = await finalEventOf(session.id as string);
    expect(final).toMatchObject({
      type: 'authentication_expired',
      data: { reason: 'Expired', transaction_status_reason: null },
    });
    expectDocumentedShape(final);
  });
});
