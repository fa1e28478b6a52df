import request from 'supertest';
import { CapturedLogger } from '../../support/captured-logger.js';
import { aCheckoutEvent, postWebhook, signWebhook } from '../../support/checkout-webhook-sender.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { answerChallenge } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { WEBHOOK_SECRET } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

const ROTATED_OUT_SECRET = 'the-previous-webhook-signing-key';
const AUTHORIZATION = 'Bearer checkout-webhook-header-value';

const sign = signWebhook;
const anEvent = (type: string, sessionId: string) => aCheckoutEvent(type, sessionId);

/** `POST /webhooks/checkout`: signed, deduplicated, a hint that makes a job re-read the session. */
describe('Checkout webhooks (e2e)', () => {
  let ctx: Orchestration;
  const logger = new CapturedLogger();

  const post = (body: string, headers: Record<string, string>) =>
    postWebhook(ctx.orchestrator.http, body, headers);
  const signed = (body: string, secret = WEBHOOK_SECRET) =>
    post(body, { 'cko-signature': sign(body, secret), authorization: AUTHORIZATION });
  const inboxRows = async (): Promise<number> =>
    (await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM provider_events'))[0].n;
  const inboxHas = async (eventId: string): Promise<boolean> =>
    (await ctx.sql('SELECT id FROM provider_events WHERE id = $1', [eventId])).length === 1;

  beforeAll(async () => {
    ctx = await Orchestration.start({
      logger,
      webhooks: true,
      events: {
        checkoutWebhook: {
          secrets: [WEBHOOK_SECRET, ROTATED_OUT_SECRET],
          authorization: undefined,
        },
      },
    });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  async function aChallenge() {
    const created = await ctx.client
      .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
      .expect(201);
    return created.body as {
      id: string;
      checkout_session_id: string;
      next_action: { acs_url: string; creq: string };
    };
  }

  /** A challenge whose cardholder answered at the ACS, but whose browser never came back. */
  async function challengeAnsweredAtTheAcs() {
    const created = await aChallenge();
    await answerChallenge(created.next_action.acs_url, created.next_action.creq, {
      password: 'Checkout1!',
    });
    return created;
  }

  it('ends a challenge through the approved webhook when the browser never returns', async () => {
    const { id } = await challengeAnsweredAtTheAcs();
    const completed = await ctx.waitForState(id, 'completed');
    expect(completed).toMatchObject({ outcome: 'authenticated' });
    const events = await ctx.api('get', `/v1/authentications/${id}/events`).expect(200);
    expect(events.body.data).toContainEqual(
      expect.objectContaining({ event: 'result_received', source: 'checkout_webhook' }),
    );
  });

  it('refuses a bad, missing or stale signature with 401 and keeps nothing', async () => {
    const body = JSON.stringify(
      anEvent('authentication_approved', 'sid_aaaaaaaaaaaaaaaaaaaaaaaaaa'),
    );
    const tampered = body.replace('6540', '6541');
    for (const attempt of [
      post(body, {}),
      post(body, { 'cko-signature': 'not-hex' }),
      post(tampered, { 'cko-signature': sign(body) }),
      post(body, { 'cko-signature': sign(body, 'a-key-we-never-configured') }),
      post(body, { 'cko-signature': sign(JSON.stringify(JSON.parse(body), null, 2)) }),
    ]) {
      const refused = await attempt.expect(401);
      expect(refused.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    expect(await inboxRows()).toBe(0);
  });

  it('accepts the previous key during a rotation', async () => {
    const { checkout_session_id } = await challengeAnsweredAtTheAcs();
    const event = anEvent('authentication_approved', checkout_session_id);
    await signed(JSON.stringify(event), ROTATED_OUT_SECRET).expect(200);
    await expect(inboxHas(event.id)).resolves.toBe(true);
  });

  it('deduplicates replays by event id: one row, one re-read, 200 to every copy', async () => {
    // Only our copies of the event arrive: the simulator's own webhooks are dropped.
    await ctx.checkout.control('POST', '/deliveries', { channel: 'webhook', mode: 'drop' });
    const { id, checkout_session_id } = await challengeAnsweredAtTheAcs();
    const event = anEvent('authentication_approved', checkout_session_id);
    const body = JSON.stringify(event);
    const answers = await Promise.all(Array.from({ length: 20 }, () => signed(body)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    await ctx.waitForState(id, 'completed');
    await signed(body).expect(200); // an hour later, as Checkout's retries would
    // Had the replay been queued, its re-read would have run before its job left the queue.
    await waitUntil(async () => {
      const queued = await ctx.sql(
        `SELECT 1 FROM graphile_worker.jobs WHERE task_identifier = 'process_checkout_event'`,
      );
      return queued.length === 0 ? true : undefined;
    });
    expect((await ctx.checkoutReads()).get(checkout_session_id)).toBe(1);
    await expect(inboxHas(event.id)).resolves.toBe(true);
    const fromWebhooks = (
      await ctx.api('get', `/v1/authentications/${id}/events`).expect(200)
    ).body.data.filter(
      (row: { source: string; to_state: string | null }) =>
        row.source === 'checkout_webhook' && row.to_state !== null,
    );
    expect(fromWebhooks).toHaveLength(1);
  });

  it('answers 200 to an unknown event type and does nothing with it', async () => {
    const { id, checkout_session_id } = await aChallenge();
    const event = anEvent('payment_captured', checkout_session_id);
    await signed(JSON.stringify(event)).expect(200);
    await expect(inboxHas(event.id)).resolves.toBe(false);
    const view = await ctx.api('get', `/v1/authentications/${id}`).expect(200);
    expect(view.body.state).toBe('challenge_required');
  });

  it('answers 200 to a signed body it cannot use, so Checkout does not retry it for hours', async () => {
    await signed(JSON.stringify({ hello: 'world' })).expect(200);
    await signed(JSON.stringify({ id: 'evt_123', type: 'authentication_approved' })).expect(200);
    expect(await inboxRows()).toBe(0);
  });

  it.each([
    ['not JSON', '{"id": "evt_', 'not_json'],
    ['nested too deep', `${'['.repeat(50)}${']'.repeat(50)}`, 'not_json'],
    ['poisoned with __proto__', '{"__proto__": {"admin": true}}', 'not_json'],
    [
      'holding control characters',
      JSON.stringify({ id: 'evt_x', note: 'a\u0000b' }),
      'not_acted_on',
    ],
  ])('answers 200 to a signed body %s and logs none of it', async (_case, body, reason) => {
    const lines = logger.lines.length;
    await signed(body).expect(200);
    await post(body, {}).expect(401);
    expect(await inboxRows()).toBe(0);
    const ignored = logger
      .entries()
      .slice(lines)
      .filter((entry) => entry.msg === 'checkout webhook ignored');
    expect(ignored).toEqual([expect.objectContaining({ reason })]);
    expect(JSON.stringify(ignored)).not.toMatch(/evt_|__proto__|admin|\[\[/);
  });

  it('checks the fixed Authorization header when one is configured', async () => {
    const strict = await Orchestration.start({
      events: { checkoutWebhook: { secrets: [WEBHOOK_SECRET], authorization: AUTHORIZATION } },
    });
    try {
      const body = JSON.stringify(
        anEvent('authentication_started', 'sid_bbbbbbbbbbbbbbbbbbbbbbbbbb'),
      );
      const send = (authorization?: string) =>
        request(strict.orchestrator.http)
          .post('/webhooks/checkout')
          .set({
            'content-type': 'application/json',
            'cko-signature': sign(body),
            ...(authorization ? { authorization } : {}),
          })
          .send(body);
      await send().expect(401);
      await send('Bearer something-else-entirely').expect(401);
      await send(AUTHORIZATION).expect(200);
    } finally {
      await strict.close();
    }
  });

  it('lets the job see what the session says, not what the webhook claims', async () => {
    const { id, checkout_session_id } = await aChallenge();
    // A genuine signature over a claim Checkout's session does not bear out (still challenged).
    const event = anEvent('authentication_approved', checkout_session_id);
    await signed(JSON.stringify(event)).expect(200);
    await waitUntil(async () => {
      const jobs = await ctx.sql('SELECT 1 FROM graphile_worker.jobs WHERE key = $1', [
        `checkout-event:${event.id}`,
      ]);
      return jobs.length === 0 ? true : undefined;
    });
    expect((await ctx.checkoutReads()).get(checkout_session_id)).toBe(1);
    const view = await ctx.api('get', `/v1/authentications/${id}`).expect(200);
    expect(view.body).toMatchObject({ state: 'challenge_required', outcome: null });
  });
});
