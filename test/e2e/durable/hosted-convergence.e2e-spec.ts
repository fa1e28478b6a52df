import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { submitHostedPage } from '../../support/simulator/browser.js';

const FRICTIONLESS_Y = '4485040371536584';
const TEAM_PAGES = {
  success_url: 'https://shop.example/3ds/success',
  failure_url: 'https://shop.example/3ds/failure',
};

/**
 * A hosted authentication whose cardholder never comes back through our return URL still ends:
 * Checkout's signed webhook leads to the same re-read, through the same single writer.
 */
describe('hosted authentications converge without the browser (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({ webhooks: true });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('completes from the webhook alone, tells the team once, and never sends complete', async () => {
    const created = await ctx.client
      .create(aCreateBody(FRICTIONLESS_Y, { hosted: TEAM_PAGES }))
      .expect(201);
    const id = created.body.id as string;
    const fromCheckout = await submitHostedPage(created.body.next_action.redirect_url);
    expect(fromCheckout.status).toBe(303); // to our return URL, which this browser never follows

    const after = await ctx.waitForState(id, 'completed');
    expect(after).toMatchObject({ outcome: 'authenticated', next_action: null });
    expect(await ctx.statePath(id)).toEqual(['created', 'awaiting_channel_data', 'completed']);
    const { body: events } = await ctx.api('get', `/v1/events?authentication_id=${id}`).expect(200);
    expect(events.data).toEqual([expect.objectContaining({ type: 'authentication.completed' })]);
    const { body: log } = await ctx.checkout.control('GET', '/requests');
    const routes = (log.requests as { route: string }[]).map((entry) => entry.route);
    expect(routes).not.toContain('POST /sessions/:id/complete');
    expect(routes).toContain('GET /sessions/:id');
  });
});
