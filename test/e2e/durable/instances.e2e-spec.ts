import pg from 'pg';
import { TeamApi } from '../../support/api.js';
import { emptyTables } from '../../support/e2e-database.js';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../../support/orchestrator-processes.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { CheckoutApi } from '../../support/simulator/checkout-api.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { startSimulator, type SimulatorUnderTest } from '../../support/simulator/simulator-app.js';
import { testDatabaseUrl } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

const PERIOD_MS = 1_500;

interface Created {
  id: string;
  state: string;
  checkout_session_id: string;
}

/**
 * Three orchestrator processes on one database, requests spread over them: each follow-up job
 * runs once per due time, whichever instance takes it (the queue's lease).
 */
describe('three instances on one database (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let checkout: CheckoutApi;
  let instances: OrchestratorProcess[];
  let db: pg.Client;

  beforeAll(async () => {
    db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    await emptyTables(testDatabaseUrl());
    simulator = await startSimulator();
    checkout = new CheckoutApi(simulator.url);
    const env = {
      // 36 creates at once on a 2-core machine, perhaps a busy one: Checkout calls can take a
      // while here, so production's deadline (creation's must outlast two creates).
      CHECKOUT_TIMEOUT_MS: '10000',
      RECHECK_CREATION_MS: '40500',
      RECHECK_CHANNEL_DATA_MS: String(PERIOD_MS),
      RECHECK_CHALLENGE_MS: String(PERIOD_MS),
      // No instance dies here, so the lease's job never has to send `complete`; production's
      // lease keeps a slow first call on a busy machine from being doubled by it (counted below).
      COMPLETE_LEASE_MS: '30000',
    };
    instances = await Promise.all(
      [0, 1, 2].map(() =>
        startOrchestratorProcess({ simulatorUrl: simulator.url, env, startTimeoutMs: 100_000 }),
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await simulator.close();
    await db.end();
  });

  const createOn = (instance: number, card: string, extra: Record<string, unknown>, i: number) =>
    new TeamApi(instances[instance % 3].url)
      .create(aCreateBody(card, { reference: `SPREAD-${i}`, ...extra }), {
        idempotencyKey: `spread-${i}-${card.slice(-4)}`,
      })
      .expect(201)
      .then((response) => response.body as Created);

  const requestLog = async () =>
    (await checkout.control('GET', '/requests')).body.requests as {
      route: string;
      sessionId?: string;
      auth: string;
      at: string;
    }[];
  const countBy = (entries: { sessionId?: string }[]) =>
    entries.reduce(
      (counts, entry) => counts.set(entry.sessionId!, (counts.get(entry.sessionId!) ?? 0) + 1),
      new Map<string, number>(),
    );

  it('runs every deadline and every complete exactly once', async () => {
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    const [frictionless, waiting, challenged] = await Promise.all([
      Promise.all(
        range(12).map((i) =>
          createOn(i, '4485040371536584', { channel_data: aBrowserChannel() }, i),
        ),
      ),
      Promise.all(range(12).map((i) => createOn(i, '4556085951507152', {}, 100 + i))),
      Promise.all(
        range(12).map((i) =>
          createOn(i, '4242424242424242', { channel_data: aBrowserChannel() }, 200 + i),
        ),
      ),
    ]);
    expect(new Set(waiting.map((a) => a.state))).toEqual(new Set(['awaiting_channel_data']));
    await checkout.control('POST', '/clock/advance', { ms: 601_000 }); // challenges abandoned

    const ended = [...frictionless, ...challenged];
    await waitUntil(
      async () => {
        // An abandoned challenge ends closed: Checkout refuses its `complete`, once.
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM authentications
           WHERE (id = ANY($1) AND state = 'completed') OR (id = ANY($2) AND state = 'closed')`,
          [frictionless.map((a) => a.id), challenged.map((a) => a.id)],
        );
        const reads = countBy((await requestLog()).filter((e) => e.route === 'GET /sessions/:id'));
        const allRead = waiting.every((a) => reads.has(a.checkout_session_id));
        return rows[0].n === ended.length && allRead ? true : undefined;
      },
      { timeoutMs: 60_000, describe: async () => JSON.stringify(await requestLog()) },
    );

    const log = await requestLog();
    const completes = countBy(log.filter((e) => e.route === 'POST /sessions/:id/complete'));
    expect(ended.map((a) => completes.get(a.checkout_session_id))).toEqual(ended.map(() => 1));
    // Each due time of a deadline gives one re-read, not one per instance: reads of a session
    // are at least a period apart (the next deadline), never two at once.
    // The read that settles a refused `complete` (an abandoned challenge) follows it: only the
    // reads before it are the deadlines'.
    const completedAt = new Map(
      log
        .filter((e) => e.route === 'POST /sessions/:id/complete')
        .map((e) => [e.sessionId!, Date.parse(e.at)]),
    );
    const readTimes = new Map<string, number[]>();
    for (const entry of log) {
      if (entry.route !== 'GET /sessions/:id' || entry.auth !== 'bearer') continue;
      if (Date.parse(entry.at) >= (completedAt.get(entry.sessionId!) ?? Infinity)) continue;
      readTimes.set(entry.sessionId!, [
        ...(readTimes.get(entry.sessionId!) ?? []),
        Date.parse(entry.at),
      ]);
    }
    for (const { checkout_session_id: sid } of [...waiting, ...challenged]) {
      const times = readTimes.get(sid) ?? [];
      expect(times.length).toBeGreaterThanOrEqual(1);
      const gaps = times.slice(1).map((time, i) => time - times[i]);
      expect(gaps.filter((gap) => gap < PERIOD_MS * 0.9)).toEqual([]);
    }

    // Invariants: gap-free timelines, one outbox event per ended authentication, three pools.
    const chains = await db.query<{ id: string; moves: string[] }>(
      `SELECT authentication_id AS id, array_agg(coalesce(from_state, '-') || '>' || to_state ORDER BY id) AS moves
       FROM authentication_events WHERE to_state IS NOT NULL GROUP BY authentication_id`,
    );
    for (const { moves } of chains.rows) {
      for (let i = 1; i < moves.length; i++) {
        expect(moves[i].split('>')[0]).toBe(moves[i - 1].split('>')[1]);
      }
    }
    const events = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM team_events GROUP BY authentication_id`,
    );
    expect(events.rows).toHaveLength(ended.length);
    expect(new Set(events.rows.map((row) => row.n))).toEqual(new Set([1]));
    // Two worker pools per process (flow, team deliveries), each with its heartbeat.
    const pools = await db.query('SELECT DISTINCT instance FROM job_workers');
    expect(pools.rowCount).toBe(3);
    expect((await db.query('SELECT pool_id FROM job_workers')).rowCount).toBe(6);
  }, 120_000);
});
