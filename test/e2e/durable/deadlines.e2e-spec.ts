import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { waitingDeadlines } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

/** Checkout sandbox cards: approved without a 3DS Method (waits for channel data) / challenged. */
const NO_METHOD_URL = '4556085951507152';
const CHALLENGE = '4242424242424242';
const PERIOD_MS = 3_000;

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>) {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = Array.from({ length: Math.min(size, count - start) }, (_, i) => make(start + i));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

/** Every waiting authentication owns its deadline: a re-read that finds nothing reschedules. */
describe('deadlines (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({
      jobs: {
        recheckMs: waitingDeadlines(PERIOD_MS),
      },
    });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('re-reads all 200 stale authentications within two periods, 150 of which Checkout never changes', async () => {
    const create = (card: string, extra: Record<string, unknown>) => async (i: number) =>
      (
        await ctx
          .api('post', '/v1/authentications')
          .send(aCreateBody(card, { reference: `STALE-${i}`, ...extra }))
          .expect(201)
      ).body as { id: string; state: string; checkout_session_id: string };
    const waiting = await inBatches(150, 10, create(NO_METHOD_URL, {}));
    const challenged = await inBatches(
      50,
      10,
      create(CHALLENGE, { channel_data: aBrowserChannel() }),
    );
    const lastCreatedAt = Date.now();
    expect(new Set(waiting.map((a) => a.state))).toEqual(new Set(['awaiting_channel_data']));
    expect(new Set(challenged.map((a) => a.state))).toEqual(new Set(['challenge_required']));
    // The 50 cardholders never answer: Checkout's ACS gives up on their challenges.
    await ctx.checkout.control('POST', '/clock/advance', { ms: 601_000 });

    const sessions = [...waiting, ...challenged].map((a) => a.checkout_session_id);
    await waitUntil(
      async () => {
        const reads = await ctx.checkoutReads();
        return sessions.every((sid) => (reads.get(sid) ?? 0) >= 1) ? true : undefined;
      },
      {
        timeoutMs: lastCreatedAt + 2 * PERIOD_MS - Date.now(),
        describe: async () => {
          const reads = await ctx.checkoutReads();
          return `${sessions.filter((sid) => !reads.get(sid)).length} of 200 never re-read`;
        },
      },
    );

    for (const { id } of challenged) {
      await expect(ctx.waitForState(id, 'completed')).resolves.toMatchObject({
        outcome: 'abandoned',
      });
    }
    // Nothing new for the other 150: each still waits, with its own next deadline queued.
    const rows = await ctx.sql<{ state: string; n: number }>(
      `SELECT a.state, count(*)::int AS n FROM authentications a
       JOIN graphile_worker.jobs j ON j.key = 'recheck:' || a.id AND j.run_at > now()
       GROUP BY a.state`,
    );
    expect(rows).toEqual([{ state: 'awaiting_channel_data', n: 150 }]);
  });

  it('adds no timeline row for a re-read that found nothing new', async () => {
    const created = await ctx
      .api('post', '/v1/authentications')
      .send(aCreateBody(NO_METHOD_URL))
      .expect(201);
    await waitUntil(
      async () =>
        (await ctx.checkoutReads()).get(created.body.checkout_session_id) ? true : undefined,
      { timeoutMs: 3 * PERIOD_MS },
    );
    const events = await ctx
      .api('get', `/v1/authentications/${created.body.id}/events`)
      .expect(200);
    expect((events.body.data as { event: string }[]).map((event) => event.event)).toEqual([
      'created',
      'channel_data_required',
    ]);
  });
});
