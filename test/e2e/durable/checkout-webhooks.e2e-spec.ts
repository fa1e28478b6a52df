import { createHmac, randomBytes } from 'node:crypto';
import request from 'supertest';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { answerChallenge } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { WEBHOOK_SECRET } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

const ROTATED_OUT_SECRET = 'the-previous-webhook-signing-key';
const AUTHORIZATION = 'Bearer checkout-webhook-header-value';

const sign = (body: string, secret = WEBHOOK_SECRET): string =>
  createHmac('sha256', secret).update(body).digest('hex');

const eventId = (): string => `evt_${randomBytes(13).toString('hex').replace(/\d/g, 'x')}`;

/** A Checkout `authentication_*` event as the workflow action sends it. */
const anEvent = (type: string, sessionId: string, id = eventId()) => ({
  id,
  type,
  version: '2.1.0',
  created_on: new Date().toISOString(),
  data: { session_id: sessionId, amount: '6540', currency: 'EUR', reference: 'ORDER-1001' },
});

/** `POST /webhooks/checkout`: signed, deduplicated, a hint that makes a job re-read the session. */
describe('Checkout webhooks (e2e)', () => {
  let ctx: Orchestration;

  const post = (body: string, headers: Record<string, string>) =>
    request(ctx.orchestrator.http)
      .post('/webhooks/checkout')
      .set({ 'content-type': 'application/json', ...headers })
      .send(body);
  const signed = (body: string, secret = WEBHOOK_SECRET) =>
    post(body, { 'cko-signature': sign(body, secret), authorization: AUTHORIZATION });
  const inboxRows = async (): Promise<number> =>
    (await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM checkout_webhook_events'))[0].n;
  const inboxHas = async (eventId: string): Promise<boolean> =>
    (await ctx.sql('SELECT id FROM checkout_webhook_events WHERE id = $1', [eventId])).length === 1;

  beforeAll(async () => {
    ctx = await Orchestration.start({
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
    const created = await ctx
      .api('post', '/v1/authentications')
      .send(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
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
    const { id, checkout_session_id } = await challengeAnsweredAtTheAcs();
    const event = anEvent('authentication_approved', checkout_session_id);
    const body = JSON.stringify(event);
    const answers = await Promise.all(Array.from({ length: 20 }, () => signed(body)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    await ctx.waitForState(id, 'completed');
    await signed(body).expect(200); // an hour later, as Checkout's retries would
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

  it('refuses a signed body that is not a Checkout event with 400', async () => {
    const body = JSON.stringify({ hello: 'world' });
    const refused = await signed(body).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
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
