import { anEventId, postWebhook } from '../../support/checkout-webhook-sender.js';
import {
  CHECKOUT_WEBHOOK_EXAMPLES,
  type CheckoutWebhookExample,
} from '../../support/checkout-webhook-examples.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { answerChallenge, type ChallengeAnswer } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

interface Created {
  id: string;
  checkout_session_id: string;
  next_action: { acs_url: string; creq: string };
}
interface TimelineRow {
  event: string;
  source: string;
  to_state: string | null;
}

const example = (name: string): CheckoutWebhookExample => {
  const found = CHECKOUT_WEBHOOK_EXAMPLES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no example ${name} in contracts/checkout/webhooks`);
  return found;
};

/**
 * Checkout's own examples (contracts/checkout/webhooks, with their source URLs) through the real
 * receiver, signed as Checkout signs: every one answered 200, and the authentication it names
 * ends as the session it was raised for says. The examples' ids are placeholders (one is
 * anonymised), so each post names the session under test and a fresh event id; every other
 * field is sent as published.
 */
describe('Checkout webhook examples through the receiver (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    // The simulator's own webhooks stay off: only the examples reach the receiver.
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const timeline = async (id: string): Promise<TimelineRow[]> =>
    (await ctx.api('get', `/v1/authentications/${id}/events`).expect(200)).body.data;

  /** Posts the example about `sessionId`; its body otherwise as Checkout published it. */
  async function deliver(name: string, sessionId: string): Promise<string> {
    const { example: published } = example(name);
    const event = {
      ...published,
      id: anEventId(),
      data: { ...published.data, session_id: sessionId },
    };
    const answer = await postWebhook(ctx.orchestrator.http, JSON.stringify(event)).expect(200);
    expect(answer.body).toEqual({ received: true });
    return event.id;
  }

  /** A browser challenge; the cardholder answers at the ACS, and the browser never comes back. */
  async function aChallengeEndedAtTheAcs(card: string, answer: ChallengeAnswer): Promise<Created> {
    const created = (
      await ctx.client.create(aCreateBody(card, { channel_data: aBrowserChannel() })).expect(201)
    ).body as Created;
    await answerChallenge(created.next_action.acs_url, created.next_action.creq, answer);
    return created;
  }

  const movedByTheWebhook = async (id: string) =>
    expect(await timeline(id)).toContainEqual(
      expect.objectContaining({ source: 'checkout_webhook', to_state: 'result_ready' }),
    );

  it.each([
    ['authentication_approved', '4242424242424242', 'authenticated'],
    ['authentication_attempted', '4152868552773614', 'attempted'],
    // The documented failed example carries error_details: an RReq error, unavailable.
    ['authentication_failed', '4539929207120660', 'unavailable'],
  ])('%s ends the challenge it names (card %s) as %s', async (name, card, outcome) => {
    const { id, checkout_session_id } = await aChallengeEndedAtTheAcs(card, {
      password: 'Checkout1!',
    });
    await deliver(name, checkout_session_id);
    await expect(ctx.waitForState(id, 'completed')).resolves.toMatchObject({ outcome });
    await movedByTheWebhook(id);
  });

  it('the delivered authentication_failed (a cancelled challenge) closes it abandoned', async () => {
    const { id, checkout_session_id } = await aChallengeEndedAtTheAcs('4242424242424242', 'cancel');
    await deliver('authentication_failed.delivered', checkout_session_id);
    // Checkout refuses `complete` on an abandoned challenge: nothing is left waiting.
    await expect(ctx.waitForState(id, 'closed')).resolves.toMatchObject({
      outcome: 'abandoned',
      guidance: 'retry_authentication',
    });
    await movedByTheWebhook(id);
  });

  it('authentication_expired after a challenge time-out closes it abandoned', async () => {
    const created = (
      await ctx.client
        .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
        .expect(201)
    ).body as Created;
    await ctx.checkout.control('POST', '/clock/advance', { ms: 601_000 });
    await deliver('authentication_expired', created.checkout_session_id);
    await expect(ctx.waitForState(created.id, 'closed')).resolves.toMatchObject({
      outcome: 'abandoned',
    });
    await movedByTheWebhook(created.id);
  });

  it('authentication_expired for a session left to its lifetime closes it expired', async () => {
    const created = (await ctx.client.create(aCreateBody('4485040371536584')).expect(201))
      .body as Created;
    await ctx.checkout.control('POST', '/clock/advance', { ms: 901_000 });
    await deliver('authentication_expired', created.checkout_session_id);
    await expect(ctx.waitForState(created.id, 'closed')).resolves.toMatchObject({
      outcome: 'expired',
    });
    expect(await timeline(created.id)).toContainEqual(
      expect.objectContaining({ source: 'checkout_webhook', to_state: 'closed' }),
    );
  });

  it('authentication_started is kept once and moves nothing', async () => {
    const created = (
      await ctx.client
        .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
        .expect(201)
    ).body as Created;
    const eventId = await deliver('authentication_started', created.checkout_session_id);
    const kept = await ctx.sql('SELECT type FROM provider_events WHERE id = $1', [eventId]);
    expect(kept).toEqual([{ type: 'authentication_started' }]);
    const view = await ctx.api('get', `/v1/authentications/${created.id}`).expect(200);
    expect(view.body.state).toBe('challenge_required');
    expect((await ctx.checkoutReads()).get(created.checkout_session_id) ?? 0).toBe(0);
  });

  it('keeps an example for every authentication_* type the receiver acts on', () => {
    expect(CHECKOUT_WEBHOOK_EXAMPLES.map(({ example: { type } }) => type).sort()).toEqual([
      'authentication_approved',
      'authentication_attempted',
      'authentication_expired',
      'authentication_failed',
      'authentication_failed',
      'authentication_started',
    ]);
    for (const { source } of CHECKOUT_WEBHOOK_EXAMPLES) expect(source).toMatch(/^https:\/\//);
  });
});
