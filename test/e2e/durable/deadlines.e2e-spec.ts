import { Orchestration } from '../../support/orchestration.js';
import { startOrchestrator } from '../../support/orchestrator-app.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { waitingDeadlines } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

/** Checkout sandbox cards: approved without a 3DS Method (waits for channel data) / challenged. */
const NO_METHOD_URL = '4556085951507152';
const CHALLENGE = '4242424242424242';
const PERIOD_MS = 6_000;
/**
 * How long the specs wait for re-reads that are due: a guard against a lost deadline, far above
 * what any machine needs, so a busy machine is slower, never red. That no deadline is lost shows
 * in what each authentication holds (a rescheduled deadline), not in how soon.
 */
const DUE_READS_WITHIN_MS = 240_000;

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

  it(
    're-reads all 200 stale authentications, 150 of which Checkout never changes',
    async () => {
      const create = (card: string, extra: Record<string, unknown>) => async (i: number) =>
        (
          await ctx.client
            .create(aCreateBody(card, { reference: `STALE-${i}`, ...extra }))
            .expect(201)
        ).body as { id: string; state: string; checkout_session_id: string };
      const waiting = await inBatches(150, 10, create(NO_METHOD_URL, {}));
      const challenged = await inBatches(
        50,
        10,
        create(CHALLENGE, { channel_data: aBrowserChannel() }),
      );
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
          timeoutMs: DUE_READS_WITHIN_MS,
          describe: async () => {
            const reads = await ctx.checkoutReads();
            return `${sessions.filter((sid) => !reads.get(sid)).length} of 200 never re-read`;
          },
        },
      );

      for (const { id } of challenged) {
        await expect(ctx.waitForState(id, 'closed')).resolves.toMatchObject({
          outcome: 'abandoned',
        });
      }
      // Nothing new for the other 150: each still waits, its deadline rescheduled (attempt 2+).
      const rows = await ctx.sql<{ state: string; n: number }>(
        `SELECT a.state, count(*)::int AS n FROM authentications a
       WHERE a.due_task = 'recheck_authentication' AND (a.due_payload->>'attempt')::int >= 2
       GROUP BY a.state`,
      );
      expect(rows).toEqual([{ state: 'awaiting_channel_data', n: 150 }]);
    },
    2 * DUE_READS_WITHIN_MS,
  );

  it(
    'adds no timeline row for a re-read that found nothing new',
    async () => {
      const created = await ctx.client.create(aCreateBody(NO_METHOD_URL)).expect(201);
      const id = created.body.id as string;
      // The first re-read has run once its deadline was rescheduled (attempt 2).
      await waitUntil(
        async () => {
          const jobs = await ctx.sql(
            `SELECT 1 FROM authentications WHERE id = $1
             AND due_task = 'recheck_authentication' AND (due_payload->>'attempt')::int = 2`,
            [id],
          );
          return jobs.length === 1 ? true : undefined;
        },
        { timeoutMs: DUE_READS_WITHIN_MS },
      );
      expect((await ctx.checkoutReads()).get(created.body.checkout_session_id)).toBe(1);
      const events = await ctx.api('get', `/v1/authentications/${id}/events`).expect(200);
      expect((events.body.data as { event: string }[]).map((event) => event.event)).toEqual([
        'created',
        'channel_data_required',
      ]);
    },
    2 * DUE_READS_WITHIN_MS,
  );

  it('gives an open authentication left without a deadline one when a process starts', async () => {
    const waiting = await ctx.client.create(aCreateBody(NO_METHOD_URL));
    const ready = await ctx.client.create(
      aCreateBody('4485040371536584', { channel_data: aBrowserChannel() }),
    );
    await ctx.waitForState(ready.body.id, 'completed');
    // As if written by an older release: nothing due, and a result never confirmed.
    await ctx.sql(
      `UPDATE authentications SET due_at = NULL, due_task = NULL, due_payload = NULL,
         state = CASE WHEN id = $1 THEN 'result_ready' ELSE state END`,
      [ready.body.id],
    );

    const another = await startOrchestrator();
    await another.close();
    const due = new Map(
      (
        await ctx.sql<{ id: string; due_task: string }>(
          'SELECT id, due_task FROM authentications WHERE due_at IS NOT NULL',
        )
      ).map((row) => [row.id, row.due_task]),
    );
    expect(due.get(waiting.body.id)).toBe('recheck_authentication');
    // Adopted follow-ups are spread over a minute; this one may even have run already.
    if (due.get(ready.body.id) !== 'complete_checkout_session') {
      await ctx.waitForState(ready.body.id, 'completed');
    }
  });
});
