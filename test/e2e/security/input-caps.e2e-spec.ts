import { AuthenticationRepository, typeOrmOptions } from '@app/persistence';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { encodeJson } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { testDatabaseUrl } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

const CONCURRENT = 30;
/** application_name of the racing connections, to see them wait in pg_stat_activity. */
const RACERS = 'input-caps-racers';
const CHALLENGE_Y = '4242424242424242';
const FRICTIONLESS_Y = '4485040371536584';

/**
 * The rows anyone can add to an authentication's timeline are capped per event, and the caps
 * hold when the inputs arrive all at once (each statement's snapshot alone would let them all
 * see room).
 */
describe('caps on outside inputs under concurrency (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const rowsOf = async (id: string, event: string) =>
    (
      await ctx.sql(
        'SELECT id FROM authentication_events WHERE authentication_id = $1 AND event = $2',
        [id, event],
      )
    ).length;
  const concurrently = <T>(run: (i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: CONCURRENT }, (_, i) => run(i)));
  const waitingRacers = async () =>
    (
      await ctx.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE application_name = $1 AND wait_event_type = 'Lock'`,
        [RACERS],
      )
    )[0].n;

  /**
   * 30 inputs on 30 connections, each held after its statement began (a transaction has the
   * same inputs uncommitted, so every insert waits on it), then let go at once when it rolls
   * back: the race at its widest, on every run.
   */
  it.each([1, 3, 5])('records exactly %i rows of 30 distinct inputs all at once', async (cap) => {
    const id = `auth_capped${'x'.repeat(20)}${cap}`;
    const entry = { event: 'challenge_notification_rejected', source: 'challenge_notification' };
    const holder = new pg.Client({ connectionString: testDatabaseUrl() });
    await holder.connect();
    const racers = await new DataSource(
      typeOrmOptions(testDatabaseUrl(), { poolSize: CONCURRENT, applicationName: RACERS }),
    ).initialize();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO authentication_events (authentication_id, event, source, detail)
         SELECT $1, $2, 'test', jsonb_build_object('input', 'input-' || i)
         FROM generate_series(0, $3 - 1) AS i`,
        [id, entry.event, CONCURRENT],
      );
      const repository = new AuthenticationRepository(racers);
      const recording = concurrently((i) =>
        repository.recordInputOnce(id, entry, `input-${i}`, cap),
      );
      await waitUntil(async () => ((await waitingRacers()) === CONCURRENT ? true : undefined), {
        describe: async () => `${await waitingRacers()} of ${CONCURRENT} racers waiting`,
      });
      await holder.query('ROLLBACK');
      expect((await recording).filter(Boolean)).toHaveLength(cap);
      expect(await rowsOf(id, entry.event)).toBe(cap);
    } finally {
      await holder.end();
      await racers.destroy();
    }
  });

  it('counts an input already recorded for nothing: it adds no row and takes no room', async () => {
    const repository = ctx.orchestrator.app.get(AuthenticationRepository);
    const id = `auth_repeated${'x'.repeat(18)}`;
    const entry = { event: 'challenge_notification_received', source: 'challenge_notification' };
    await expect(repository.recordInputOnce(id, entry, 'cres-1', 2)).resolves.toBe(true);
    await expect(repository.recordInputOnce(id, entry, 'cres-1', 2)).resolves.toBe(false);
    await expect(repository.recordInputOnce(id, entry, 'cres-2', 2)).resolves.toBe(true);
    await expect(repository.recordInputOnce(id, entry, 'cres-3', 2)).resolves.toBe(false);
    expect(await rowsOf(id, entry.event)).toBe(2);
  });

  it('keeps one row of 30 concurrent forged CRes, and three of 30 distinct matching ones', async () => {
    const created = await ctx.client
      .create(aCreateBody(CHALLENGE_Y, { channel_data: aBrowserChannel() }))
      .expect(201);
    const id = created.body.id as string;
    const [{ result }] = await ctx.sql<{ result: Record<string, string> }>(
      'SELECT result FROM authentications WHERE id = $1',
      [id],
    );
    const post = (cres: object) =>
      request(ctx.orchestrator.http)
        .post(`/notifications/challenge/${id}`)
        .type('form')
        .send({ cres: encodeJson(cres) })
        .expect(200);

    await concurrently((i) => post({ messageType: 'CRes', threeDSServerTransID: `forged-${i}` }));
    await concurrently((i) =>
      post({
        messageType: 'CRes',
        threeDSServerTransID: result.three_ds_server_transaction_id,
        acsTransID: result.acs_transaction_id,
        transStatus: 'Y',
        messageVersion: `2.2.${i}`,
      }),
    );
    expect(await rowsOf(id, 'challenge_notification_rejected')).toBe(1);
    expect(await rowsOf(id, 'challenge_notification_received')).toBe(3);
  });

  it("keeps one row of 30 concurrent distinct bodies posted to Checkout's callback URL", async () => {
    const created = await ctx.client
      .create(aCreateBody(FRICTIONLESS_Y, { channel_data: aBrowserChannel() }))
      .expect(201);
    const { id, checkout_session_id: sid } = created.body as Record<string, string>;
    await ctx.waitForState(id, 'completed');
    const session = (await ctx.checkout.control('GET', `/sessions/${sid}`)).body;
    const callback = new URL(session.completion.callback_url as string).pathname;
    const before = await rowsOf(id, 'callback_received');
    expect(before).toBe(1); // Checkout's own, after `complete`

    await concurrently((i) =>
      request(ctx.orchestrator.http)
        .post(callback)
        .send({ session_id: sid, status: 'approved', attempt: i })
        .expect(200),
    );
    expect(await rowsOf(id, 'callback_received')).toBe(1);
  });
});
