import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { answerChallenge, decodeJson, runThreeDsMethod } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { waitingDeadlines } from '../../support/test-config.js';

const PERIOD_MS = 500;

/**
 * Checkout's callbacks and webhooks never arrive, and no browser comes back: the deadlines alone
 * bring every authentication to the state Checkout's own session is in.
 */
describe('every callback and webhook lost (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({
      webhooks: true,
      jobs: {
        recheckMs: waitingDeadlines(PERIOD_MS),
        recheckMaxIntervalMs: 2 * PERIOD_MS,
      },
    });
  });
  beforeEach(async () => {
    await ctx.reset();
    for (const channel of ['callback', 'webhook']) {
      await ctx.checkout.control('POST', '/deliveries', { channel, mode: 'drop' });
    }
  });
  afterAll(() => ctx.close());

  const create = async (card: string, extra: Record<string, unknown> = {}) =>
    (await ctx.client.create(aCreateBody(card, extra)).expect(201)).body as {
      id: string;
      state: string;
      next_action: Record<string, string>;
    };

  it('ends each kind of stalled authentication as Checkout says, without any inbound call', async () => {
    const frictionless = await create('4485040371536584', { channel_data: aBrowserChannel() });
    const answered = await create('4242424242424242', { channel_data: aBrowserChannel() });
    await answerChallenge(answered.next_action.acs_url, answered.next_action.creq, {
      password: 'Checkout1!',
    }); // the CRes page is never posted back to us
    const walkedAway = await create('5385308360135181', { channel_data: aBrowserChannel() });
    const noChannelData = await create('4556085951507152');
    const methodLost = await create('4485040371536584');
    // The issuer's 3DS Method page ran, but its notification never reached us either.
    const methodData = decodeJson(methodLost.next_action.three_ds_method_data);
    await runThreeDsMethod(
      methodLost.next_action.method_url,
      methodData.threeDSServerTransID as string,
      'http://127.0.0.1:9/nowhere',
    ).catch(() => undefined);
    expect([answered, walkedAway, noChannelData, methodLost].map((a) => a.state)).toEqual([
      'challenge_required',
      'challenge_required',
      'awaiting_channel_data',
      'awaiting_issuer_fingerprint',
    ]);

    await expect(ctx.waitForState(frictionless.id, 'completed')).resolves.toMatchObject({
      outcome: 'authenticated',
    });
    await expect(ctx.waitForState(answered.id, 'completed')).resolves.toMatchObject({
      outcome: 'authenticated',
    });
    // Time passes at Checkout: the unanswered challenge is abandoned, the idle sessions expire.
    await ctx.checkout.control('POST', '/clock/advance', { ms: 901_000 });
    await expect(ctx.waitForState(walkedAway.id, 'closed')).resolves.toMatchObject({
      outcome: 'abandoned',
    });
    for (const { id } of [noChannelData, methodLost]) {
      await expect(ctx.waitForState(id, 'closed')).resolves.toMatchObject({ outcome: 'expired' });
    }
    const sources = async (id: string) =>
      (
        (await ctx.api('get', `/v1/authentications/${id}/events`)).body.data as {
          source: string;
          to_state: string | null;
        }[]
      )
        .filter((event) => event.to_state !== null)
        .map((event) => event.source);
    for (const { id } of [answered, walkedAway, noChannelData, methodLost]) {
      const moves = await sources(id);
      expect(moves).not.toContain('checkout_callback');
      expect(moves).not.toContain('checkout_webhook');
      expect(moves).toContain('deadline');
    }
    expect((await ctx.checkout.control('GET', '/webhooks')).body).toEqual({ attempts: [] });
  });
});
