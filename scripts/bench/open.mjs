// `npm run bench -- --open`: creates sent at a fixed rate whatever the answers (open loop), so
// queueing in a saturated closed loop hides nothing. The rate is half the minimal's capacity
// (its closed-loop flows/s at 64 clients, measured first), or BENCH_OPEN_RATE. For each
// implementation, on a fresh database: 2 s of warm-up, then BENCH_SECONDS (15) of creates at
// that rate. The orchestrator's own latency is each answer's time minus the time Checkout's
// simulator spent on the calls made for it (its request log, joined on the X-Request-Id the
// orchestrator sends with each call). Nothing is asserted: it prints, bench/README.md keeps it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startMinimal, startOrchestrator } from './apps.mjs';
import { withBenchDatabase } from './compare.mjs';
import { aFrictionlessCreate, percentile, postCreate, runLoad } from './load.mjs';
import { freePort } from './processes.mjs';
import { writeFormatted } from './report.mjs';
import { measureRun } from './run.mjs';

const IMPLEMENTATIONS = [
  { name: 'orchestrator', start: startOrchestrator },
  { name: 'minimal', start: startMinimal },
];

/**
 * Sends rate × seconds creates, one every 1/rate s (on schedule however late the answers, and
 * however late a timer fires: the count never depends on the machine), never waiting; every
 * answer, once all came.
 */
async function openLoop(baseUrl, { rate, seconds, label }) {
  const interval = 1000 / rate;
  const answers = [];
  const first = performance.now();
  for (let i = 0; i < Math.round(rate * seconds); i++) {
    const wait = first + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const sent = performance.now();
    answers.push(
      postCreate(baseUrl, aFrictionlessCreate(`OPEN-${label}-${i}`), `open-${label}-${i}`)
        .catch(() => ({ status: 'no answer' }))
        .then((answer) => ({ ...answer, ms: performance.now() - sent })),
    );
  }
  return Promise.all(answers);
}

/** Milliseconds the simulator spent on the calls made for each caller's request id. */
async function checkoutTimeByRequest(simulatorUrl) {
  const { requests } = await (await fetch(`${simulatorUrl}/_sim/requests`)).json();
  const spent = new Map();
  for (const request of requests) {
    if (!request.callerRequestId || request.route === 'POST /sessions/:id/complete') continue;
    spent.set(
      request.callerRequestId,
      (spent.get(request.callerRequestId) ?? 0) + request.durationMs,
    );
  }
  return spent;
}

const p = (sorted, n) => Math.round(percentile(sorted, n) * 10) / 10;

async function measureOpen({ implementation, rate, seconds, server, simulator, template, name }) {
  await server.createDatabase(name, template);
  const port = await freePort();
  const app = implementation.start({
    port,
    databaseUrl: server.urlFor(name),
    simulatorUrl: simulator.url,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await app.ready;
    await runLoad(baseUrl, { concurrency: 4, seconds: 2 });
    await fetch(`${simulator.url}/_sim/reset`, { method: 'POST' });
    const answers = await openLoop(baseUrl, { rate, seconds, label: name });
    const checkout = await checkoutTimeByRequest(simulator.url);
    const ok = answers.filter((answer) => answer.status === 201);
    const total = ok.map((answer) => answer.ms).sort((a, b) => a - b);
    const own = ok
      .filter((answer) => checkout.has(answer.requestId))
      .map((answer) => answer.ms - checkout.get(answer.requestId))
      .sort((a, b) => a - b);
    return {
      implementation: implementation.name,
      rate,
      sent: answers.length,
      failed: answers.length - ok.length,
      latency_ms: { p50: p(total, 50), p99: p(total, 99) },
      // Only the orchestrator names its calls to Checkout (X-Request-Id); the minimal does not.
      own_latency_ms: own.length > 0 ? { p50: p(own, 50), p99: p(own, 99) } : null,
      exit_code: await app.stop(),
    };
  } catch (error) {
    await app.stop();
    throw new Error(`${implementation.name} open run failed: ${error.message}\n${app.output()}`);
  } finally {
    await server.dropDatabase(name);
  }
}

export async function openBench() {
  const env = process.env;
  const seconds = Number(env.BENCH_SECONDS ?? 15);
  const document = await withBenchDatabase(async (context) => {
    let capacity;
    let rate = Number(env.BENCH_OPEN_RATE ?? 0);
    if (!rate) {
      const run = await measureRun({
        ...context,
        implementation: IMPLEMENTATIONS[1],
        concurrency: 64,
        config: { seconds: Math.min(seconds, 10), warmupSeconds: 2 },
        name: `bench_${process.pid}_capacity`,
      });
      capacity = run.flows_per_s;
      rate = Math.max(1, Math.round(capacity / 2));
      console.log(`minimal capacity ${capacity} flows/s at 64 clients: open loop at ${rate}/s`);
    }
    const runs = [];
    for (const implementation of IMPLEMENTATIONS) {
      const name = `bench_${process.pid}_open_${implementation.name}`;
      const run = await measureOpen({ ...context, implementation, rate, seconds, name });
      runs.push(run);
      console.log(
        `open ${rate}/s  ${run.implementation.padEnd(12)} sent ${run.sent} failed ${run.failed}  ` +
          `p50 ${run.latency_ms.p50} ms  p99 ${run.latency_ms.p99} ms` +
          (run.own_latency_ms
            ? `  own p50 ${run.own_latency_ms.p50} ms  own p99 ${run.own_latency_ms.p99} ms`
            : ''),
      );
    }
    return { capacity_flows_per_s: capacity, rate, seconds, runs };
  });
  const ours = document.runs[0];
  const problems = document.runs.flatMap((run) => [
    ...(run.failed ? [`${run.implementation}: ${run.failed} creates failed`] : []),
    ...(run.exit_code ? [`${run.implementation}: exit code ${run.exit_code}`] : []),
  ]);
  const resultsDir = env.BENCH_RESULTS_DIR ?? 'bench';
  mkdirSync(resultsDir, { recursive: true });
  await writeFormatted(
    join(resultsDir, 'open.json'),
    JSON.stringify({ ...document, finished_at: new Date().toISOString(), problems }, null, 2),
  );
  if (problems.length > 0) {
    console.error(`bench: FAILED:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
  console.log(
    `open_rate=${document.rate} own_p50_ms=${ours.own_latency_ms?.p50} ` +
      `own_p99_ms=${ours.own_latency_ms?.p99} p99_ms=${ours.latency_ms.p99} ` +
      `minimal_p99_ms=${document.runs[1].latency_ms.p99}`,
  );
}
