import { ConvergencePoller } from '../../../apps/orchestrator/src/authentications/convergence.poller.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

/** The poller converges authentications whose browser never came back. */
describe('convergence poller (e2e)', () => {
  let ctx: Orchestration;
  let poller: ConvergencePoller;

  beforeAll(async () => {
    ctx = await Orchestration.start();
    poller = ctx.orchestrator.app.get(ConvergencePoller);
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('ends an unanswered challenge as abandoned once Checkout gives up on it', async () => {
    const created = await ctx
      .api('post', '/v1/authentications')
      .send(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
      .expect(201);
    expect(created.body.state).toBe('challenge_required');

    await poller.tick();
    await expect(ctx.api('get', `/v1/authentications/${created.body.id}`)).resolves.toMatchObject({
      body: { state: 'challenge_required' },
    });

    // The cardholder closed the tab: Checkout's ACS times the challenge out (10 min here).
    await ctx.checkout.control('POST', '/clock/advance', { ms: 601_000 });
    await poller.tick();
    const completed = await ctx.waitForState(created.body.id, 'completed');
    expect(completed).toMatchObject({ outcome: 'abandoned', guidance: 'retry_authentication' });
    await expect(ctx.statePath(created.body.id)).resolves.toEqual([
      'created',
      'challenge_required',
      'result_ready',
      'completed',
    ]);
  });

  it('closes an authentication whose Checkout session expired', async () => {
    const created = await ctx
      .api('post', '/v1/authentications')
      .send(aCreateBody('4485040371536584'))
      .expect(201);
    await ctx.checkout.control('POST', '/clock/advance', { ms: 901_000 });
    await poller.tick();
    const closed = await ctx.waitForState(created.body.id, 'closed');
    expect(closed).toMatchObject({ outcome: 'expired', guidance: 'retry_authentication' });
  });

  it('sends complete again when Checkout never confirmed it', async () => {
    // Checkout refuses the first complete with a 503; only the poller will try again.
    await ctx.checkout.control('POST', '/faults', {
      route: 'POST /sessions/:id/complete',
      kind: 'status',
      status: 503,
      times: 1,
    });
    const created = await ctx
      .api('post', '/v1/authentications')
      .send(aCreateBody('4485040371536584', { channel_data: aBrowserChannel() }))
      .expect(201);
    expect(created.body.state).toBe('result_ready');
    const events = async () =>
      (await ctx.api('get', `/v1/authentications/${created.body.id}/events`)).body.data as {
        event: string;
      }[];
    for (
      let polls = 0;
      !(await events()).some((event) => event.event === 'complete_failed');
      polls++
    ) {
      if (polls > 100) throw new Error('the first complete never failed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await poller.tick();
    await ctx.waitForState(created.body.id, 'completed');
  });
});
