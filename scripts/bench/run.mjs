// One measured run: a fresh database and a fresh app process, warm-up, the load, the drain (every
// flow `completed`), then what it cost: CPU of the app, the simulator and PostgreSQL's process
// tree, the app's RSS, the database's commits, and the rows each flow left.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { simulatorFaults } from './apps.mjs';
import { percentile, runLoad } from './load.mjs';
import { appAndPostgresCpuMs, cpuMs, freePort, rssMb } from './processes.mjs';

const DRAIN_TIMEOUT_MS = 60_000;

const round = (value, digits = 1) =>
  Number.isFinite(value) ? Number(value.toFixed(digits)) : null;

/** The rows a run left, per authentication: what both implementations must write alike. */
const ROWS = `
  SELECT (SELECT count(*) FROM authentications)::int AS authentications,
         (SELECT count(*) FROM authentications WHERE state = 'completed')::int AS completed,
         (SELECT count(*) FROM idempotency_keys WHERE state = 'completed')::int AS idempotency_keys,
         (SELECT count(*) FROM team_events)::int AS team_events,
         (SELECT count(*) FROM graphile_worker.jobs)::int AS jobs,
         (SELECT count(*) FROM authentications WHERE due_at IS NOT NULL)::int AS due,
         (SELECT json_object_agg(event, n) FROM (
            SELECT event, count(*)::int AS n FROM authentication_events GROUP BY event) e
         ) AS timeline`;

function snapshot(app, simulator, postmasterPid) {
  return {
    at: performance.now(),
    cpu: {
      ...appAndPostgresCpuMs(app, postmasterPid),
      simulator: cpuMs(simulator.child.pid),
    },
    rss: rssMb(app.child.pid),
  };
}

async function rowsPerFlow(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(ROWS);
    const { authentications: n, timeline, ...counts } = rows[0];
    const perFlow = (count) => round(count / n, 2);
    return {
      authentications: n,
      completed: counts.completed,
      per_flow: {
        idempotency_keys: perFlow(counts.idempotency_keys),
        team_events: perFlow(counts.team_events),
        jobs_left: perFlow(counts.jobs),
        due_left: perFlow(counts.due),
        timeline: Object.fromEntries(
          Object.entries(timeline ?? {})
            .sort()
            .map(([event, count]) => [event, perFlow(count)]),
        ),
      },
    };
  } finally {
    await client.end();
  }
}

/** Checkout answers `POST /sessions` this much later (the simulator's `latency` fault, until reset). */
export const simulatedCheckoutLatency = (simulatorUrl, latencyMs) =>
  simulatorFaults(simulatorUrl, {
    route: 'POST /sessions',
    kind: 'latency',
    latency_ms: latencyMs,
  });

export async function measureRun({
  implementation,
  concurrency,
  server,
  simulator,
  template,
  config,
  name,
  checkoutLatencyMs = 0,
}) {
  await server.createDatabase(name, template);
  const databaseUrl = server.urlFor(name);
  await fetch(`${simulator.url}/_sim/reset`, { method: 'POST' });
  if (checkoutLatencyMs) await simulatedCheckoutLatency(simulator.url, checkoutLatencyMs);
  const port = await freePort();
  const firstTransactionId = await server.nextTransactionId();
  const walBefore = await server.walBytes();
  const app = implementation.start({ port, databaseUrl, simulatorUrl: simulator.url });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await app.ready;
    await runLoad(baseUrl, { concurrency, seconds: config.warmupSeconds });
    // The benchmark's own transactions on the run's database (its connection's start and each
    // query), left out of the commit count.
    let ownTransactions = 1;
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', () => undefined); // a failed run drops the database under it
    await client.connect();
    const progress = async () => {
      ownTransactions++;
      const { rows } = await client.query(
        `SELECT count(*)::int AS created, count(*) FILTER (WHERE state = 'completed')::int AS completed
         FROM authentications`,
      );
      return rows[0];
    };
    const completedBefore = (await progress()).completed;
    const before = snapshot(app, simulator, server.postmasterPid);
    const load = await runLoad(baseUrl, { concurrency, seconds: config.seconds });
    const loadEnded = performance.now();
    let now = await progress();
    while (now.completed < now.created && performance.now() - loadEnded < DRAIN_TIMEOUT_MS) {
      await sleep(50);
      now = await progress();
    }
    const after = snapshot(app, simulator, server.postmasterPid);
    await client.end();
    const flows = now.completed - completedBefore;
    const counters = await (await fetch(`${simulator.url}/_sim/counters`)).json();
    const exitCode = await app.stop();
    const stats = await server.statsOf(name);
    const commits = stats.commits - ownTransactions;
    const writes = (await server.nextTransactionId()) - firstTransactionId;
    const wal = (await server.walBytes()) - walBefore;
    const rows = await rowsPerFlow(databaseUrl);
    const perFlow = (key) => round((after.cpu[key] - before.cpu[key]) / flows, 2);
    return {
      implementation: implementation.name,
      concurrency,
      seconds: config.seconds,
      checkout_latency_ms: checkoutLatencyMs,
      flows_per_s: round(load.latencies.length / config.seconds),
      latency_ms: {
        p50: round(percentile(load.latencies, 50)),
        p99: round(percentile(load.latencies, 99)),
      },
      errors: load.errors,
      failures: load.failures,
      incomplete: now.created - now.completed,
      drain_ms: Math.round(after.at - loadEnded),
      commits_per_flow: round(commits / rows.authentications, 2),
      write_commits_per_flow: round(writes / rows.authentications, 2),
      // Every table's, the queue's included; the app's start-up and shutdown count too.
      rows_per_flow: {
        inserted: round(stats.inserted / rows.authentications, 2),
        updated: round(stats.updated / rows.authentications, 2),
        deleted: round(stats.deleted / rows.authentications, 2),
      },
      wal_bytes_per_flow: Math.round(wal / rows.authentications),
      cpu_ms_per_flow: {
        app: perFlow('app'),
        simulator: perFlow('simulator'),
        postgres: perFlow('postgres'),
      },
      rss_mb: { before: Math.round(before.rss), after: Math.round(after.rss) },
      checkout: { tokens_issued: counters.tokens_issued, sessions: counters.sessions_created },
      rows,
      exit_code: exitCode,
    };
  } catch (error) {
    await app.stop();
    throw new Error(`${implementation.name} run failed: ${error.message}\n${app.output()}`);
  } finally {
    await server.dropDatabase(name);
  }
}
