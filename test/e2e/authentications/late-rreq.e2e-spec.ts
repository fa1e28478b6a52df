import { answerChallenge, formOf, postForm } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { formatViolations } from '../../support/psp-contract.js';

const CHALLENGE_Y = '4242424242424242';
const PASSWORD = { password: 'Checkout1!' };
/** Simulated time: the RReq lands only when the test advances the simulator's clock. */
const RREQ_DELAY_MS = 30_000;

/**
 * The browser's CRes reaches us before Checkout has the RReq (docs/checkout-sessions.md#challenge):
 * the authentication keeps waiting, guesses nothing from the CRes, and converges through its
 * re-reads well before the challenge window's deadline (60 s in tests). No webhooks here, and
 * the callback only follows `complete`: the re-reads alone must bring the result.
 */
describe('challenge answered before Checkout has the RReq (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({ security: { rereadCooldownMs: 500 } });
  });
  beforeEach(async () => {
    await ctx.reset();
    const set = await ctx.checkout.control('PUT', '/settings', { rreq_delay_ms: RREQ_DELAY_MS });
    expect(set.status).toBe(200);
  });
  afterAll(() => ctx.close());

  it('keeps challenge_required while Checkout says challenged, then converges to the result', async () => {
    const created = await ctx.client
      .create(aCreateBody(CHALLENGE_Y, { channel_data: aBrowserChannel() }))
      .expect(201);
    const id = created.body.id as string;
    expect(created.body.state).toBe('challenge_required');

    const cresPage = await answerChallenge(
      created.body.next_action.acs_url,
      created.body.next_action.creq,
      PASSWORD,
    );
    const notification = formOf(cresPage.html);
    const landed = await postForm(notification.action, notification.fields);
    expect(landed.status).toBe(200);

    // Our notification handler re-read the session: still challenged, so nothing changed.
    const checkoutSessionId = created.body.checkout_session_id as string;
    expect((await ctx.checkoutTruth(checkoutSessionId)).status).toBe('challenged');
    const waiting = (await ctx.api('get', `/v1/authentications/${id}`).expect(200)).body;
    expect(waiting).toMatchObject({
      state: 'challenge_required',
      outcome: null,
      failure_reason: null,
    });
    const events = (await ctx.api('get', `/v1/authentications/${id}/events`).expect(200)).body;
    expect(events.data.map((event: { event: string }) => event.event)).toContain(
      'challenge_notification_received',
    );
    expect((await ctx.checkoutReads()).get(checkoutSessionId)).toBeGreaterThanOrEqual(1);

    await ctx.checkout.control('POST', '/clock/advance', { ms: RREQ_DELAY_MS });
    const completed = await ctx.waitForState(id, 'completed');
    expect(completed).toMatchObject({
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
    });
    expect(await ctx.statePath(id)).toEqual([
      'created',
      'challenge_required',
      'result_ready',
      'completed',
    ]);
    const truth = await ctx.checkoutTruth(checkoutSessionId);
    expect(truth).toMatchObject({ status: 'approved', status_reason: 'rreq_status' });
    const results = await ctx.resultsInEveryFormat(id);
    expect(formatViolations(results, checkoutSessionId)).toEqual([]);
    expect(results.generic).toMatchObject({
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      trans_status: 'Y',
      eci: '05',
      cryptogram: truth.cryptogram,
      challenged: true,
    });
  });
});
