import { SessionStore } from '../../../apps/checkout-simulator/src/sessions/session.store.js';
import { TeamApi } from '../../support/api.js';
import { freePort } from '../../support/free-port.js';
import { HttpRecorder } from '../../support/http-recorder.js';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../../support/orchestrator-processes.js';
import { OutageLoad } from '../../support/outage-load.js';
import { OwnPostgres } from '../../support/own-postgres.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { CheckoutApi } from '../../support/simulator/checkout-api.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { startSimulator, type SimulatorUnderTest } from '../../support/simulator/simulator-app.js';
import { TEAM_A } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

/** The scenario's outage: PostgreSQL down this long under load (a fixed part of it, not a wait). */
const OUTAGE_MS = 30_000;

interface ReadinessBody {
  readonly error?: { readonly database?: Record<string, unknown> };
}

interface Row {
  id: string;
  reference: string;
  state: string;
  checkout_session_id: string | null;
}

/**
 * Three built orchestrators on one PostgreSQL that this spec owns (its own server, so stopping
 * it disturbs no other spec), one simulator, and a steady stream of flows from the test; the
 * server is stopped for 30 s under load and started again. No process may exit, no caller may
 * get a 500, every authentication must end, and nothing may happen twice.
 */
describe('a database outage under load (e2e)', () => {
  let postgres: OwnPostgres;
  let simulator: SimulatorUnderTest;
  let instances: OrchestratorProcess[] = [];
  let teamEndpoint: HttpRecorder;
  /** The load, stopped after the test even when it fails half-way. */
  let load: OutageLoad | undefined;

  /** An instance's readiness; a process that exited fails the spec with what it printed last. */
  const readiness = async (instance: OrchestratorProcess) => {
    const { exitCode, signalCode } = instance.app.child;
    if (exitCode !== null || signalCode !== null) {
      const last = instance.app.output().split('\n').slice(-20).join('\n');
      throw new Error(`${instance.url} exited (${exitCode ?? signalCode}):\n${last}`);
    }
    const response = await fetch(`${instance.url}/health/ready`, {
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: (await response.json()) as ReadinessBody };
  };

  beforeAll(async () => {
    postgres = await OwnPostgres.start('outage_test');
    const ports = [await freePort(), await freePort(), await freePort()];
    simulator = await startSimulator({
      // Workflow webhooks link a create whose answer the outage swallowed; retried 5 s, 10 s…
      webhook: { url: `http://127.0.0.1:${ports[0]}/webhooks/checkout`, retryScale: 60 },
    });
    const env = {
      DATABASE_URL: postgres.url,
      // Generous: this machine also runs the load and the other two instances.
      CHECKOUT_TIMEOUT_MS: '8000',
      RECHECK_CREATION_MS: '60000',
      RECHECK_ISSUER_FINGERPRINT_MS: '2000',
      RECHECK_CHANNEL_DATA_MS: '2000',
      RECHECK_CHALLENGE_MS: '2000',
      RECHECK_SESSION_LOOKUP_MS: '2000',
      RECHECK_MAX_INTERVAL_MS: '4000',
      COMPLETE_LEASE_MS: '20000',
    };
    instances = await Promise.all(
      ports.map((instancePort) =>
        startOrchestratorProcess({
          simulatorUrl: simulator.url,
          port: instancePort,
          env,
          startTimeoutMs: 100_000,
        }),
      ),
    );
    teamEndpoint = await HttpRecorder.start();
    // A slow team endpoint: deliveries are always under way when the database goes.
    teamEndpoint.answerAfterMs = 3_000;
    const registered = await fetch(`${instances[0].url}/v1/webhook-endpoints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEAM_A.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: teamEndpoint.to('/events') }),
    });
    expect(registered.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await load?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await simulator?.close();
    await teamEndpoint?.close();
    expect((await postgres?.close()) ?? []).toEqual([]);
  }, 60_000);

  it('records a create Checkout answered while the database was away; a retry resumes it', async () => {
    const checkout = new CheckoutApi(simulator.url);
    // Checkout creates the session at once and answers late: the database goes meanwhile.
    await checkout.control('POST', '/faults', {
      route: 'POST /sessions',
      kind: 'late_answer',
      latency_ms: 4_000,
      times: 1,
    });
    const create = () =>
      new TeamApi(instances[0].url).create(
        aCreateBody('4485040371536584', {
          reference: 'LATE-ANSWER',
          channel_data: aBrowserChannel(),
        }),
        { idempotencyKey: 'outage-late-answer' },
      );
    const first = create();
    const sessionsOf = () =>
      simulator.app
        .get(SessionStore)
        .all()
        .filter((session) => session.request.reference === 'LATE-ANSWER');
    await waitUntil(() => Promise.resolve(sessionsOf().length === 1 ? true : undefined));
    await postgres.stop();
    const refused = await first;
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body.error.code).toBe('DATABASE_UNAVAILABLE');
    await postgres.restart();

    const resumed = await waitUntil(
      async () => {
        const response = await create();
        return response.status === 201 ? (response.body as Row) : undefined;
      },
      { intervalMs: 250 },
    );
    expect(resumed.checkout_session_id).toBe(sessionsOf()[0].id);
    expect(resumed.state).not.toBe('created');
    expect(sessionsOf()).toHaveLength(1);
  }, 60_000);

  it('kills no process, answers no 500, ends every authentication and repeats nothing', async () => {
    const flows = new OutageLoad(
      instances.map((instance) => instance.url),
      TEAM_A.apiKey,
      { clients: 6, pauseMs: 100, patienceMs: 45_000 },
    );
    load = flows;
    flows.start();
    await waitUntil(() => Promise.resolve(flows.created.size >= 30 ? true : undefined), {
      timeoutMs: 60_000,
      describe: () => JSON.stringify(flows.tally()),
    });

    // Checkout slows down and the team endpoint is slow, so that the stop catches jobs and
    // requests in the middle of their calls: they come back to a database that is gone.
    const checkout = new CheckoutApi(simulator.url);
    await checkout.control('POST', '/faults', { route: '*', kind: 'latency', latency_ms: 1500 });
    await waitUntil(
      async () =>
        (await delayedRequests(checkout)) >= 10 && teamEndpoint.heldBack >= 3 ? true : undefined,
      { timeoutMs: 30_000 },
    );
    await postgres.stop();
    const stoppedAt = Date.now();
    await checkout.control('DELETE', '/faults');
    const down = await waitUntil(
      async () => {
        const answer = await readiness(instances[1]);
        return answer.status === 503 ? answer.body : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(down.error?.database).toEqual({ status: 'down', reason: 'connection refused' });
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - stoppedAt)));
    await postgres.restart();

    await waitUntil(
      async () => {
        const answers = await Promise.all(instances.map(readiness));
        return answers.every((answer) => answer.status === 200) ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
    const createdBeforeRecovery = flows.created.size;
    await waitUntil(
      () => Promise.resolve(flows.created.size >= createdBeforeRecovery + 30 ? true : undefined),
      { timeoutMs: 90_000, describe: () => JSON.stringify(flows.tally()) },
    );
    await flows.stop();

    // Every process lived through it, and nothing escaped to the last-resort handler as fatal.
    for (const instance of instances) {
      expect(instance.app.child.exitCode).toBeNull();
      expect(instance.app.child.signalCode).toBeNull();
      expect(instance.app.output()).not.toMatch(/exiting|unhandled rejection|uncaught exception/);
    }
    // Callers were told to come back, never that we failed.
    const tally = flows.tally();
    expect(flows.failures).toEqual([]);
    expect(
      Object.keys(tally).filter(
        (kind) => kind.startsWith('5') && kind !== '503 DATABASE_UNAVAILABLE',
      ),
    ).toEqual([]);
    expect(tally['503 DATABASE_UNAVAILABLE']).toBeGreaterThan(0);
    expect(flows.answers.filter((answer) => answer.status === 503 && !answer.retryAfter)).toEqual(
      [],
    );

    // Sessions left waiting (a challenge nobody answered, channel data never sent) end on
    // Checkout's side; the deadlines' re-reads then end them on ours.
    await checkout.control('POST', '/clock/advance', { ms: 901_000 });
    const rows = await waitUntil(
      async () => {
        const all = await postgres.sql<Row>(
          'SELECT id, reference, state, provider_session_id AS checkout_session_id FROM authentications',
        );
        return all.every((row) => ['completed', 'closed'].includes(row.state)) ? all : undefined;
      },
      {
        timeoutMs: 120_000,
        describe: async () =>
          JSON.stringify(
            await postgres.sql(`SELECT state, count(*) FROM authentications GROUP BY state`),
          ),
      },
    );
    expect(new Set(rows.map((row) => row.reference)).size).toBe(rows.length);
    expect([...flows.created.values()].every((id) => rows.some((row) => row.id === id))).toBe(true);

    // One Checkout session per authentication, and every session linked to the one that
    // created it (a create whose answer the outage swallowed included).
    const sessions = simulator.app.get(SessionStore).all();
    for (const row of rows) {
      const own = sessions.filter((session) => session.request.reference === row.reference);
      expect({ id: row.id, sessions: own.map((session) => session.id) }).toEqual({
        id: row.id,
        sessions: row.checkout_session_id ? [row.checkout_session_id] : [],
      });
    }
    const linked = new Set(rows.map((row) => row.checkout_session_id));
    const orphans = sessions.filter((session) => !linked.has(session.id));
    expect(orphans.map((session) => session.request.reference)).toEqual([]);

    // One confirmed `complete` per completed authentication, none for the others.
    const { body } = await checkout.control('GET', '/requests');
    const confirmed = new Map<string, number>();
    for (const entry of body.requests as { route: string; sessionId?: string; status: number }[]) {
      if (entry.route !== 'POST /sessions/:id/complete' || entry.status >= 300) continue;
      confirmed.set(entry.sessionId!, (confirmed.get(entry.sessionId!) ?? 0) + 1);
    }
    for (const row of rows) {
      expect({ id: row.id, completes: confirmed.get(row.checkout_session_id ?? '') ?? 0 }).toEqual({
        id: row.id,
        completes: row.state === 'completed' ? 1 : 0,
      });
    }

    // One team event per authentication, delivered to the endpoint.
    const events = await waitUntil(
      async () => {
        const all = await postgres.sql<{
          authentication_id: string;
          events: number;
          delivered: number;
        }>(
          `SELECT a.id AS authentication_id, count(DISTINCT e.id)::int AS events,
                  count(d.id) FILTER (WHERE d.state = 'delivered')::int AS delivered
           FROM authentications a LEFT JOIN team_events e ON e.authentication_id = a.id
           LEFT JOIN event_deliveries d ON d.event_id = e.id
           GROUP BY a.id`,
        );
        return all.every((event) => event.delivered >= 1) ? all : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(events.filter((event) => event.events !== 1 || event.delivered !== 1)).toEqual([]);
    const received = new Set(teamEndpoint.received('/events').map((r) => r.headers['webhook-id']));
    expect(received.size).toBe(rows.length);
  }, 420_000);
});

/** Requests the simulator answered late on purpose (its request log marks the fault). */
async function delayedRequests(checkout: CheckoutApi): Promise<number> {
  const { body } = await checkout.control('GET', '/requests');
  return (body.requests as { fault?: string }[]).filter((entry) => entry.fault).length;
}
