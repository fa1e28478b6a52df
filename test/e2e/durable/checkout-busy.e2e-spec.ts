import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

interface LoggedRequest {
  readonly route: string;
  readonly status: number;
  readonly at: string;
}

/** Checkout's 429/503: callers hear "503, retry after N s"; jobs wait at least that long. */
describe('a busy Checkout (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const log = async () =>
    (await ctx.checkout.control('GET', '/requests')).body.requests as LoggedRequest[];

  it("answers 503 with Checkout's own Retry-After to a 429 on create", async () => {
    await ctx.checkout.control('POST', '/faults', {
      route: 'POST /sessions',
      kind: 'status',
      status: 429,
      retry_after: 7,
      times: 1,
    });
    const refused = await ctx.client.create(aCreateBody('4485040371536584')).expect(503);
    expect(refused.headers['retry-after']).toBe('7');
    expect(refused.body.error).toMatchObject({
      code: 'UPSTREAM_BUSY',
      details: { status: 429, retry_after_seconds: 7 },
    });
  });

  it('waits out Retry-After before sending complete again', async () => {
    await ctx.checkout.control('POST', '/faults', {
      route: 'POST /sessions/:id/complete',
      kind: 'status',
      status: 503,
      retry_after: 1,
      times: 1,
    });
    const created = await ctx.client
      .create(aCreateBody('4485040371536584', { channel_data: aBrowserChannel() }))
      .expect(201);
    await ctx.waitForState(created.body.id, 'completed');
    const completes = (await log()).filter(
      (entry) => entry.route === 'POST /sessions/:id/complete',
    );
    expect(completes.map((entry) => entry.status)).toEqual([503, 204]);
    const waited = Date.parse(completes[1].at) - Date.parse(completes[0].at);
    expect(waited).toBeGreaterThanOrEqual(1_000); // the test config's own backoff is 50 ms
    const events = await ctx.api('get', `/v1/authentications/${created.body.id}/events`);
    expect(events.body.data).toContainEqual(
      expect.objectContaining({
        event: 'complete_failed',
        detail: expect.objectContaining({ code: 'UPSTREAM_BUSY' }),
      }),
    );
  });
});
