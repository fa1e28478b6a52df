import { findCardNumbers } from '@app/domain';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { aCheckoutEvent, postWebhook } from '../support/checkout-webhook-sender.js';
import { HttpRecorder } from '../support/http-recorder.js';
import { Scrape } from '../support/metrics-scrape.js';
import { Orchestration } from '../support/orchestration.js';
import { aCreateBody } from '../support/result-expectations.js';
import { answerChallenge, formOf, postForm } from '../support/simulator/browser.js';
import { aBrowserChannel } from '../support/simulator/factories.js';
import { anEventsConfig } from '../support/test-config.js';
import { waitUntil } from '../support/wait-until.js';

const FRICTIONLESS_Y = '4485040371536584';
const CHALLENGE_Y = '4242424242424242';

/** GET /metrics answers Prometheus text to anyone (the internal scraper has no API key). */
describe('metrics (e2e)', () => {
  let ctx: Orchestration;
  let teamEndpoint: HttpRecorder;
  /** Every id, reference and card number the flows used: none may become a label value. */
  const secrets = new Set<string>([FRICTIONLESS_Y, CHALLENGE_Y]);

  beforeAll(async () => {
    teamEndpoint = await HttpRecorder.start();
    teamEndpoint.respondWith = 503;
    const teamDelivery = anEventsConfig().teamDelivery;
    ctx = await Orchestration.start({
      // A failed delivery waits ten minutes: it stays in the outbox for the whole test.
      events: { teamDelivery: { ...teamDelivery, backoff: { baseMs: 600_000, capMs: 600_000 } } },
    });
    await ctx.reset();
  });
  afterAll(async () => {
    await ctx.close();
    await teamEndpoint.close();
  });

  const scrape = async (): Promise<Scrape> => {
    const response = await request(ctx.orchestrator.http).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return Scrape.parse(response.text);
  };

  const create = async (card: string) => {
    const reference = `ORDER-${randomUUID()}`;
    const created = await ctx.client
      .create(aCreateBody(card, { reference, channel_data: aBrowserChannel() }))
      .expect(201);
    for (const value of [reference, created.body.id, created.body.checkout_session_id]) {
      secrets.add(value as string);
    }
    return created.body as {
      id: string;
      state: string;
      checkout_session_id: string;
      next_action: { acs_url: string; creq: string };
    };
  };

  /** The cardholder types the password; the browser brings the CRes back to us. */
  const passChallenge = async (challenged: Awaited<ReturnType<typeof create>>) => {
    const cresPage = await answerChallenge(
      challenged.next_action.acs_url,
      challenged.next_action.creq,
      {
        password: 'Checkout1!',
      },
    );
    const notification = formOf(cresPage.html);
    expect((await postForm(notification.action, notification.fields)).status).toBe(200);
  };

  it('counts a frictionless and a challenge flow, Checkout calls, callbacks, webhooks and backlogs', async () => {
    const endpoint = await ctx
      .api('post', '/v1/webhook-endpoints')
      .send({ url: teamEndpoint.to('/events'), description: 'metrics' })
      .expect(201);
    secrets.add(endpoint.body.id as string);
    const before = await scrape();

    // Frictionless, with Checkout's callback delivered twice.
    await ctx.checkout.control('POST', '/deliveries', {
      channel: 'callback',
      mode: 'duplicate',
      times: 1,
    });
    const frictionless = await create(FRICTIONLESS_Y);
    expect(frictionless.state).toBe('result_ready');
    await ctx.waitForState(frictionless.id, 'completed');

    // Challenge, with the token revoked first: the create gets a 401 and a new token.
    await ctx.checkout.control('POST', '/tokens/revoke');
    const challenged = await create(CHALLENGE_Y);
    expect(challenged.state).toBe('challenge_required');
    await passChallenge(challenged);
    await ctx.waitForState(challenged.id, 'completed');

    // A callback with a wrong token, and a webhook: new, repeated, unsigned.
    await request(ctx.orchestrator.http)
      .post(`/callbacks/checkout/${frictionless.id}/${'x'.repeat(43)}`)
      .send({ status: 'approved' })
      .expect(401);
    const webhook = JSON.stringify(
      aCheckoutEvent('authentication_approved', challenged.checkout_session_id),
    );
    secrets.add(JSON.parse(webhook).id as string);
    await postWebhook(ctx.orchestrator.http, webhook).expect(200);
    await postWebhook(ctx.orchestrator.http, webhook).expect(200);
    await postWebhook(ctx.orchestrator.http, webhook, { 'cko-signature': 'f'.repeat(64) }).expect(
      401,
    );

    // Both team deliveries failed once and wait for their retry.
    const after = await waitUntil(
      async () => {
        const current = await scrape();
        const waiting = current.value('threeds_jobs', {
          task: 'deliver_team_event',
          status: 'scheduled',
        });
        return current.value('threeds_team_event_deliveries', { state: 'pending' }) === 2 &&
          waiting === 2
          ? current
          : undefined;
      },
      {
        describe: async () =>
          JSON.stringify((await scrape()).samples.filter((s) => /jobs|deliveries/.test(s.name))),
      },
    );
    const delta = (name: string, labels: Record<string, string> = {}) =>
      after.value(name, labels) - before.value(name, labels);

    const browserVisa = { scheme: 'visa', channel: 'browser' };
    expect(delta('threeds_authentications_started_total', browserVisa)).toBe(2);
    const authenticated = { ...browserVisa, outcome: 'authenticated' };
    expect(
      delta('threeds_authentications_finished_total', { ...authenticated, flow: 'frictionless' }),
    ).toBe(1);
    expect(
      delta('threeds_authentications_finished_total', { ...authenticated, flow: 'challenge' }),
    ).toBe(1);
    expect(delta('threeds_authentications_finished_total', { flow: 'none' })).toBe(0);

    const leftState = (state: string) =>
      delta('threeds_authentication_state_duration_seconds_count', { state });
    expect(leftState('created')).toBe(2);
    expect(leftState('challenge_required')).toBe(1);
    expect(leftState('result_ready')).toBe(2);
    expect(leftState('completed')).toBe(0);

    const calls = (operation: string, statusClass: string) =>
      delta('threeds_checkout_request_duration_seconds_count', {
        operation,
        status_class: statusClass,
      });
    expect(calls('create_session', '2xx')).toBe(2);
    expect(calls('create_session', '4xx')).toBe(1);
    expect(calls('complete_session', '2xx')).toBe(2);
    expect(calls('token_request', '2xx')).toBe(2);
    expect(
      delta('threeds_checkout_request_errors_total', {
        operation: 'create_session',
        error_type: 'unauthorized',
      }),
    ).toBe(1);
    expect(delta('threeds_checkout_request_errors_total')).toBe(1);
    expect(delta('threeds_checkout_token_refreshes_total', { result: 'success' })).toBe(2);
    expect(delta('threeds_checkout_token_refreshes_total', { result: 'failure' })).toBe(0);

    const callbacks = (result: string) =>
      delta('threeds_checkout_callbacks_received_total', { result });
    expect([callbacks('accepted'), callbacks('duplicate'), callbacks('refused')]).toEqual([
      2, 1, 1,
    ]);
    const webhooks = (result: string) =>
      delta('threeds_checkout_webhooks_received_total', { result });
    expect([
      webhooks('accepted'),
      webhooks('duplicate'),
      webhooks('refused'),
      webhooks('ignored'),
    ]).toEqual([1, 1, 1, 0]);

    expect(after.value('threeds_team_event_oldest_pending_delivery_seconds')).toBeGreaterThan(0);
    expect(after.has('process_cpu_user_seconds_total')).toBe(true);
    expect(after.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('never puts an id, a reference or card data in a label', async () => {
    const labelValues = new Set(
      (await scrape()).samples.flatMap((sample) => Object.values(sample.labels)),
    );
    expect(secrets.size).toBeGreaterThan(5);
    for (const value of labelValues) {
      expect([...secrets].filter((secret) => value.includes(secret))).toEqual([]);
      expect(value).not.toMatch(/(auth|sid|evt|ep|msg|tok|src)_\w{8}/);
      expect(value).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(findCardNumbers(value)).toEqual([]);
    }
  });
});
