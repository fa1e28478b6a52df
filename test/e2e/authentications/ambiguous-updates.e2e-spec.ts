import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

/**
 * Checkout calls that may or may not have taken effect: the session is re-read instead of
 * guessing, and POST /sessions is never repeated.
 */
describe('ambiguous Checkout answers (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    // The deadline of collect-data: far above what a normal answer takes, even on a busy machine.
    ctx = await Orchestration.start({ checkoutAuthenticationTimeoutMs: 3_000 });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('reads the result when a channel-data call times out after Checkout processed it', async () => {
    const created = await ctx.client.create(aCreateBody('4556085951507152')).expect(201);
    expect(created.body.state).toBe('awaiting_channel_data');
    // Checkout processes the AReq but answers long after our 3 s deadline.
    await ctx.checkout.control('POST', '/faults', {
      route: 'PUT /sessions/:id/collect-data',
      kind: 'late_answer',
      latency_ms: 10_000,
      times: 1,
    });
    const answered = await ctx
      .api('post', `/v1/authentications/${created.body.id}/channel-data`)
      .send({ channel_data: aBrowserChannel() })
      .expect(200);
    expect(answered.body).toMatchObject({ state: 'result_ready', outcome: 'authenticated' });
    await ctx.waitForState(created.body.id, 'completed');
  });

  it('reads the result when Checkout refuses channel data because the session moved on', async () => {
    const created = await ctx.client.create(aCreateBody('4556085951507152')).expect(201);
    // Someone else (an earlier attempt that got lost) already sent the AReq.
    const direct = await ctx.checkout.collectData(
      await ctx.checkout.token(),
      created.body.checkout_session_id,
      aBrowserChannel(),
    );
    expect(direct.body.status).toBe('approved');
    const answered = await ctx
      .api('post', `/v1/authentications/${created.body.id}/channel-data`)
      .send({ channel_data: aBrowserChannel() })
      .expect(200);
    expect(answered.body).toMatchObject({ state: 'result_ready', outcome: 'authenticated' });
  });

  it('keeps the error when Checkout did not take the update', async () => {
    const created = await ctx.client.create(aCreateBody('4556085951507152')).expect(201);
    await ctx.checkout.control('POST', '/faults', {
      route: 'PUT /sessions/:id/collect-data',
      kind: 'status',
      status: 502,
      times: 1,
    });
    const failed = await ctx
      .api('post', `/v1/authentications/${created.body.id}/channel-data`)
      .send({ channel_data: aBrowserChannel() })
      .expect(502);
    expect(failed.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    await expect(ctx.api('get', `/v1/authentications/${created.body.id}`)).resolves.toMatchObject({
      body: { state: 'awaiting_channel_data' },
    });
  });

  it('records a create answered with a 500 as outcome unknown and never sends it twice', async () => {
    await ctx.checkout.control('POST', '/faults', {
      route: 'POST /sessions',
      kind: 'status',
      status: 500,
      times: 1,
    });
    const unknown = await ctx.client
      .create(aCreateBody('4485040371536584'), { idempotencyKey: 'create-500' })
      .expect(504);
    expect(unknown.body.error.code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
    const replay = await ctx.client
      .create(aCreateBody('4485040371536584'), { idempotencyKey: 'create-500' })
      .expect(504);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const log = (await ctx.checkout.control('GET', '/requests')).body.requests as {
      route: string;
    }[];
    expect(log.filter((entry) => entry.route === 'POST /sessions')).toHaveLength(1);
    const id = unknown.body.error.details.authentication_id as string;
    await expect(ctx.statePath(id)).resolves.toEqual(['created', 'creation_unknown']);
  });
});
