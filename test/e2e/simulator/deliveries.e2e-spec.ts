import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { contractViolations } from '../../support/checkout-contract.js';
import type { HttpRecorder, RecordedRequest } from '../../support/http-recorder.js';
import type { CheckoutApi } from '../../support/simulator/checkout-api.js';
import { expectConformingAnswers } from '../../support/simulator/checkout-api.js';
import { aBrowserChannel, aSessionRequest } from '../../support/simulator/factories.js';
import {
  startSimulatorWithWebhooks,
  WEBHOOK_SECRET,
  type SimulatorWithWebhooks,
} from '../../support/simulator/simulator-app.js';

interface WebhookEvent {
  id: string;
  type: string;
  data: { session_id: string };
}

interface WebhookAttempt {
  eventId: string;
  type: string;
  sessionId: string;
  attempt: number;
  status: number | null;
}

/**
 * What the simulator sends out, seen by a merchant endpoint (an HttpRecorder): workflow webhooks
 * (signed, retried) and the completion callback, and the delivery faults of the control API.
 */
describe('simulator: webhook and callback deliveries (e2e)', () => {
  let sim: SimulatorWithWebhooks;
  let merchant: HttpRecorder;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);
  let oauth: string;

  beforeAll(async () => {
    sim = await startSimulatorWithWebhooks({ authorization: 'Bearer hook-token' });
    ({ merchant, api } = sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await sim.reset();
    oauth = await api.token();
  });

  const eventOf = (request: RecordedRequest): WebhookEvent =>
    request.body as unknown as WebhookEvent;
  const webhooksOf = (sessionId: string): RecordedRequest[] =>
    merchant.received('/webhooks').filter((hook) => eventOf(hook).data.session_id === sessionId);
  /** Waits until `count` webhooks about the session have arrived (fails after 5 s each). */
  const waitForWebhooks = async (sessionId: string, count: number) => {
    while (webhooksOf(sessionId).length < count) {
      await merchant.waitFor('/webhooks', merchant.received('/webhooks').length + 1);
    }
    return webhooksOf(sessionId);
  };
  const typesOf = (hooks: RecordedRequest[]): string[] => hooks.map((hook) => eventOf(hook).type);
  /** Polls GET /_sim/webhooks until `count` attempts match (attempts are logged after answers). */
  const waitForAttempts = async (match: (attempt: WebhookAttempt) => boolean, count: number) => {
    // Bounds a hang only: retries are spaced by the simulator, the rest is CPU.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const attempts = (
        (await api.control('GET', '/webhooks')).body.attempts as WebhookAttempt[]
      ).filter(match);
      if (attempts.length >= count) return attempts;
      if (Date.now() > deadline)
        throw new Error(`expected ${count} webhook attempt(s), got ${attempts.length}`);
      await sleep(20);
    }
  };
  const addDeliveryFault = async (fault: Record<string, unknown>): Promise<void> => {
    expect((await api.control('POST', '/deliveries', fault)).status).toBe(201);
  };
  /** Card 4485040371536584 with browser data at creation: frictionless, approved at once. */
  const createApproved = async (): Promise<string> => {
    const created = await api.createSession(
      oauth,
      aSessionRequest({
        channel_data: aBrowserChannel(),
        completion: { type: 'non_hosted', callback_url: merchant.to('/callback') },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'approved', next_actions: ['complete'] });
    return created.body.id as string;
  };

  describe('webhooks', () => {
    it('a frictionless session sends authentication_started and authentication_approved, signed and authorized', async () => {
      const id = await createApproved();

      const hooks = await waitForWebhooks(id, 2);

      expect(typesOf(hooks).sort()).toEqual(['authentication_approved', 'authentication_started']);
      for (const hook of hooks) {
        expect(hook.method).toBe('POST');
        expect(hook.headers['cko-signature']).toBe(
          createHmac('sha256', WEBHOOK_SECRET).update(hook.rawBody).digest('hex'),
        );
        expect(hook.headers.authorization).toBe('Bearer hook-token');
        expect(eventOf(hook).id).toMatch(/^evt_/);
      }
      expect(new Set(hooks.map((hook) => eventOf(hook).id)).size).toBe(2);
    });

    it('drop: the dropped event never arrives, the next one does', async () => {
      await addDeliveryFault({ channel: 'webhook', mode: 'drop', times: 1 });

      const id = await createApproved();
      // authentication_started (dropped) was emitted before authentication_approved.
      await waitForWebhooks(id, 1);

      expect(typesOf(webhooksOf(id))).toEqual(['authentication_approved']);
    });

    it('duplicate: the same event id arrives twice', async () => {
      await addDeliveryFault({ channel: 'webhook', mode: 'duplicate', times: 1 });

      const id = await createApproved();
      const hooks = await waitForWebhooks(id, 3);

      const started = hooks.filter((hook) => eventOf(hook).type === 'authentication_started');
      expect(started).toHaveLength(2);
      expect(eventOf(started[0]).id).toBe(eventOf(started[1]).id);
      expect(started[0].rawBody).toBe(started[1].rawBody);
      expect(typesOf(hooks).filter((type) => type === 'authentication_approved')).toHaveLength(1);
    });

    it('delay: the event arrives only once the clock is advanced past delay_ms', async () => {
      await addDeliveryFault({ channel: 'webhook', mode: 'delay', delay_ms: 60_000, times: 1 });

      const id = await createApproved();
      // authentication_approved was emitted after the delayed authentication_started.
      await waitForWebhooks(id, 1);
      expect(typesOf(webhooksOf(id))).toEqual(['authentication_approved']);

      expect((await api.control('POST', '/clock/advance', { ms: 60_000 })).status).toBe(201);

      const hooks = await waitForWebhooks(id, 2);
      expect(typesOf(hooks)).toEqual(['authentication_approved', 'authentication_started']);
    });

    it('reorder: the held event arrives after the next one', async () => {
      await addDeliveryFault({ channel: 'webhook', mode: 'reorder', delay_ms: 600_000, times: 1 });

      const id = await createApproved();

      const hooks = await waitForWebhooks(id, 2);
      expect(typesOf(hooks)).toEqual(['authentication_approved', 'authentication_started']);
    });

    it('a failed delivery is retried with the same event id 5 minutes later', async () => {
      merchant.respondWith = (_request, index) => (index === 0 ? 500 : 200);
      const created = await api.createSession(oauth, aSessionRequest());
      expect(created.status).toBe(202);
      const id = created.body.id as string;
      const [failed] = await waitForAttempts((attempt) => attempt.status === 500, 1);

      expect((await api.control('POST', '/clock/advance', { ms: 5 * 60_000 })).status).toBe(201);

      const hooks = await waitForWebhooks(id, 2);
      expect(hooks.map((hook) => eventOf(hook).id)).toEqual([failed.eventId, failed.eventId]);
      expect(await waitForAttempts((attempt) => attempt.eventId === failed.eventId, 2)).toEqual([
        expect.objectContaining({
          type: 'authentication_started',
          sessionId: id,
          attempt: 1,
          status: 500,
        }),
        expect.objectContaining({
          type: 'authentication_started',
          sessionId: id,
          attempt: 2,
          status: 200,
        }),
      ]);
    });

    it.each([
      { kind: 'status', status: 503 },
      { kind: 'malformed' },
      { kind: 'reset' },
      { kind: 'timeout', latency_ms: 100 },
    ])('a $kind fault on POST /sessions creates no session (no webhook)', async (fault) => {
      await api.control('POST', '/faults', { route: 'POST /sessions', times: 1, ...fault });
      const faulted = await api
        .createSession(oauth, aSessionRequest({ channel_data: aBrowserChannel() }))
        .catch(() => undefined);
      expect(faulted?.body?.id).toBeUndefined();
      // The injected fault breaks the answer on purpose; the ones after it must conform.
      api.contractViolations();

      // A later session's webhooks arrive after any the faulted request would have sent.
      const id = await createApproved();
      await waitForWebhooks(id, 2);

      const sessions = merchant.received('/webhooks').map((hook) => eventOf(hook).data.session_id);
      expect(sessions).toEqual([id, id]);
      expect((await api.control('GET', '/counters')).body.sessions_created).toBe(1);
    });
  });

  describe('completion callbacks', () => {
    const callbacks = () => merchant.received('/callback');

    it('drop: complete answers 204 but no callback arrives', async () => {
      const dropped = await createApproved();
      const delivered = await createApproved();
      await addDeliveryFault({ channel: 'callback', mode: 'drop', session_id: dropped });

      expect((await api.complete(oauth, dropped)).status).toBe(204);
      expect((await api.complete(oauth, delivered)).status).toBe(204);

      expect(callbacks().map((callback) => callback.body?.session_id)).toEqual([delivered]);
    });

    it('duplicate: two identical callbacks arrive', async () => {
      const id = await createApproved();
      await addDeliveryFault({ channel: 'callback', mode: 'duplicate', session_id: id });

      expect((await api.complete(oauth, id)).status).toBe(204);

      const [first, second] = await merchant.waitFor('/callback', 2);
      expect(callbacks()).toHaveLength(2);
      expect(first.body).toMatchObject({ session_id: id, status: 'approved' });
      expect(second.rawBody).toBe(first.rawBody);
    });

    it('a callback endpoint answering 500 fails complete and leaves the session not completed', async () => {
      merchant.respondWith = (request) => (request.path === '/callback' ? 500 : 200);
      const id = await createApproved();

      const completed = await api.complete(oauth, id);

      expect(completed.status).toBeGreaterThanOrEqual(400);
      expect(contractViolations(completed.body, 'ErrorResponse')).toEqual([]);
      expect(completed.body).toMatchObject({
        error_type: 'callback_failed',
        error_codes: ['session_callback_failed'],
      });
      const session = await api.getSession(oauth, id);
      expect(session.body).toMatchObject({ completed: false, next_actions: ['complete'] });
    });
  });
});
