import request from 'supertest';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { answerChallenge, formOf } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { waitUntil } from '../../support/wait-until.js';

const CHALLENGE_Y = '4242424242424242';
const BUDGET = 3;
const POSTS = 12;
/** Simulated time: the RReq lands only when the test advances the simulator's clock. */
const RREQ_DELAY_MS = 30_000;

/**
 * Anyone holding a live challenge's transaction ids can post its CRes again and again. With no
 * cooldown at all (REREAD_COOLDOWN_MS=0, so each post would read), those posts cause at most
 * REREAD_BUDGET Checkout reads over the authentication's life, the re-reads that wait for the
 * RReq included; Checkout's webhook still brings the result afterwards.
 */
describe('re-reads caused by notifications (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({
      webhooks: true,
      security: { rereadCooldownMs: 0, rereadBudget: BUDGET },
    });
  });
  beforeEach(async () => {
    await ctx.reset();
    await ctx.checkout.control('PUT', '/settings', { rreq_delay_ms: RREQ_DELAY_MS });
  });
  afterAll(() => ctx.close());

  /** The authentication's pending re-read, once it is its state's own deadline again. */
  const ownDeadline = (id: string) =>
    waitUntil(async () => {
      const [job] = await ctx.sql<{ payload: Record<string, unknown> }>(
        `SELECT due_payload AS payload FROM authentications
         WHERE id = $1 AND due_task = 'recheck_authentication'`,
        [id],
      );
      return job && !job.payload.notified ? job.payload : undefined;
    });

  it(`reads Checkout at most ${BUDGET} times for ${POSTS} CRes posts; the webhook still completes it`, async () => {
    const created = await ctx.client
      .create(aCreateBody(CHALLENGE_Y, { channel_data: aBrowserChannel() }))
      .expect(201);
    const { id, checkout_session_id: sid, next_action } = created.body;
    const answered = await answerChallenge(next_action.acs_url, next_action.creq, {
      password: 'Checkout1!',
    });
    const cres = formOf(answered.html).fields;
    const readsBefore = (await ctx.checkoutReads()).get(sid) ?? 0;

    for (let post = 0; post < POSTS; post++) {
      await request(ctx.orchestrator.http)
        .post(`/notifications/challenge/${id}`)
        .type('form')
        .send(cres)
        .expect(200);
    }
    // Every re-read the posts asked for has run (or been refused) once only the state's own
    // deadline is left: the re-reads waiting for the RReq stop when the budget is spent.
    await ownDeadline(id);
    expect(((await ctx.checkoutReads()).get(sid) ?? 0) - readsBefore).toBe(BUDGET);
    const [row] = await ctx.sql('SELECT notification_rereads FROM authentications WHERE id = $1', [
      id,
    ]);
    expect(row).toEqual({ notification_rereads: BUDGET });
    expect((await ctx.api('get', `/v1/authentications/${id}`).expect(200)).body.state).toBe(
      'challenge_required',
    );

    await ctx.checkout.control('POST', '/clock/advance', { ms: RREQ_DELAY_MS });
    await expect(ctx.waitForState(id, 'completed')).resolves.toMatchObject({
      outcome: 'authenticated',
    });
    const timeline = (await ctx.api('get', `/v1/authentications/${id}/events`).expect(200)).body;
    expect(
      (timeline.data as { to_state: string | null; source: string }[]).find(
        (event) => event.to_state === 'result_ready',
      )?.source,
    ).toBe('checkout_webhook');
  });
});
