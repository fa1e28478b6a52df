// `npm run bench -- --compare`: the orchestrator against a deliberately minimal implementation of
// the same frictionless create flow (bench/minimal), side by side: one simulator, one PostgreSQL
// server, interleaved pairs (orchestrator, then minimal) at each concurrency. `--smoke`: one short
// pair at concurrency 2, to prove the comparison still runs (npm test); it never judges speed.
import { mkdirSync } from 'node:fs';
import { startMinimal, startOrchestrator, startSimulator } from './apps.mjs';
import { startServer } from './database.mjs';
import { freePort } from './processes.mjs';
import { finalLine, markdownTable, scenarioTable, summarize, writeResults } from './report.mjs';
import { measureDuplicateCallbacks } from './duplicates.mjs';
import { measureRun } from './run.mjs';

const IMPLEMENTATIONS = [
  { name: 'orchestrator', start: startOrchestrator },
  { name: 'minimal', start: startMinimal },
];

function configOf(smoke) {
  const env = process.env;
  const number = (name, fallback) => Number(env[name] ?? fallback);
  return smoke
    ? {
        // Long enough for a few flows per client: the smoke proves each phase runs, not speed.
        pairs: 1,
        seconds: number('BENCH_SECONDS', 0.5),
        warmupSeconds: 0.2,
        concurrencies: [2],
        resultsDir: env.BENCH_RESULTS_DIR,
        latency: { concurrency: 4, checkoutMs: 50 },
        duplicates: { concurrency: 4, seconds: number('BENCH_DUPLICATE_SECONDS', 0.5) },
      }
    : {
        pairs: number('BENCH_PAIRS', 3),
        seconds: number('BENCH_SECONDS', 15),
        warmupSeconds: number('BENCH_WARMUP_SECONDS', 2),
        concurrencies: (env.BENCH_CONCURRENCIES ?? '8,64').split(',').map(Number),
        resultsDir: env.BENCH_RESULTS_DIR ?? 'bench',
        latency: { concurrency: number('BENCH_LATENCY_CONCURRENCY', 200), checkoutMs: 50 },
        duplicates: { concurrency: 64, seconds: Math.min(number('BENCH_SECONDS', 15), 10) },
      };
}

const describe = (run) =>
  `${run.implementation.padEnd(12)} c=${String(run.concurrency).padEnd(3)} ` +
  `${String(run.flows_per_s).padStart(6)} flows/s  p50 ${run.latency_ms.p50} ms  p99 ${run.latency_ms.p99} ms  ` +
  `${run.commits_per_flow} commits/flow (${run.write_commits_per_flow} writing)  CPU ms/flow app ${run.cpu_ms_per_flow.app} ` +
  `sim ${run.cpu_ms_per_flow.simulator} pg ${run.cpu_ms_per_flow.postgres}  ` +
  `rows/flow +${run.rows_per_flow.inserted} ~${run.rows_per_flow.updated} -${run.rows_per_flow.deleted}  ` +
  `WAL ${run.wal_bytes_per_flow} B/flow  ` +
  `RSS ${run.rss_mb.before} → ${run.rss_mb.after} MB  drain ${run.drain_ms} ms` +
  (run.errors || run.incomplete
    ? `  ERRORS ${JSON.stringify(run.failures)} incomplete ${run.incomplete}`
    : '');

/** The orchestrator's own share of the answer time: all of it but Checkout's simulated wait. */
function ownLatency(run) {
  const own = (ms) => Math.round((ms - run.checkout_latency_ms) * 10) / 10;
  return { p50: own(run.latency_ms.p50), p99: own(run.latency_ms.p99) };
}

/** Both implementations under the two extra loads: slow Checkout, duplicate callbacks. */
async function scenarios(context, config) {
  const latency = [];
  const duplicates = [];
  for (const implementation of IMPLEMENTATIONS) {
    const name = `bench_${process.pid}_latency_${implementation.name}`;
    const run = await measureRun({
      ...context,
      implementation,
      concurrency: config.latency.concurrency,
      config,
      name,
      checkoutLatencyMs: config.latency.checkoutMs,
    });
    latency.push({ ...run, own_latency_ms: ownLatency(run) });
    console.log(`Checkout +${config.latency.checkoutMs} ms  ${describe(run)}`);
  }
  for (const implementation of IMPLEMENTATIONS) {
    const name = `bench_${process.pid}_duplicates_${implementation.name}`;
    const run = await measureDuplicateCallbacks({
      ...context,
      ...config.duplicates,
      implementation,
      name,
    });
    duplicates.push(run);
    console.log(
      `duplicate callbacks  ${run.implementation.padEnd(12)} c=${run.concurrency}  ` +
        `${run.callbacks_per_s}/s  callback rows ${run.callback_rows}  moved ${run.moved}  ` +
        `CPU ms/callback ${JSON.stringify(run.cpu_ms_per_callback)}`,
    );
  }
  return { latency, duplicates };
}

function scenarioProblems({ latency, duplicates }) {
  const problems = latency.flatMap(problemsOf);
  for (const run of duplicates) {
    if (run.callback_rows !== 1)
      problems.push(`${run.implementation}: ${run.callback_rows} callback rows`);
    if (run.moved) problems.push(`${run.implementation}: a duplicate callback moved the flow`);
    if (Object.keys(run.failures).length > 0) {
      problems.push(
        `${run.implementation}: duplicate callbacks refused ${JSON.stringify(run.failures)}`,
      );
    }
    if (run.exit_code !== 0) problems.push(`${run.implementation}: exit code ${run.exit_code}`);
  }
  return problems;
}

/** The extra scenarios' figures for the last line: own p99 under slow Checkout, callbacks ratio. */
function scenarioLine(config, { latency, duplicates }) {
  const orchestrator = latency.find((run) => run.implementation === 'orchestrator');
  const [ours, minimal] = duplicates;
  const ratio = Math.round((ours.callbacks_per_s / minimal.callbacks_per_s) * 100) / 100;
  return (
    `own_p99_ms_c${config.latency.concurrency}=${orchestrator.own_latency_ms.p99} ` +
    `duplicate_callbacks_ratio=${ratio}`
  );
}

/** Why a run cannot be trusted, if it cannot: failures, unfinished flows, a token per request. */
function problemsOf(run) {
  const problems = [];
  if (run.errors > 0) problems.push(`${run.errors} failed creates ${JSON.stringify(run.failures)}`);
  if (run.incomplete > 0) problems.push(`${run.incomplete} flows not completed`);
  if (run.rows.authentications === 0) problems.push('no flow at all');
  if (run.checkout.tokens_issued !== 1) problems.push(`${run.checkout.tokens_issued} OAuth tokens`);
  if (run.exit_code !== 0) problems.push(`exit code ${run.exit_code}`);
  return problems.map((problem) => `${run.implementation} c=${run.concurrency}: ${problem}`);
}

/**
 * One simulator and one PostgreSQL server, with a template database the orchestrator migrated
 * (schema, job queue, seeded API key), for `fn({ server, simulator, template })`; stopped after.
 */
export async function withBenchDatabase(fn) {
  const simulatorPort = await freePort();
  const simulator = startSimulator(simulatorPort);
  simulator.url = `http://127.0.0.1:${simulatorPort}`;
  // Side by side: initdb and the simulator's start are the slowest steps before the first run.
  const server = await startServer().catch(async (error) => {
    await simulator.stop();
    throw error;
  });
  const template = `bench_${process.pid}_template`;
  try {
    await simulator.ready;
    await server.createDatabase(template);
    const preparing = startOrchestrator({
      port: await freePort(),
      databaseUrl: server.urlFor(template),
      simulatorUrl: simulator.url,
    });
    await preparing.ready;
    await preparing.stop();
    return await fn({ server, simulator, template });
  } finally {
    await simulator.stop();
    await server.stop();
  }
}

export async function compare({ smoke }) {
  const config = configOf(smoke);
  const started = new Date();
  const runs = [];
  let postgresCpu;
  const extra = await withBenchDatabase(async ({ server, simulator, template }) => {
    postgresCpu = server.postmasterPid ? 'postmaster process tree' : 'not visible from here';
    for (let pair = 1; pair <= config.pairs; pair++) {
      for (const concurrency of config.concurrencies) {
        for (const implementation of IMPLEMENTATIONS) {
          const name = `bench_${process.pid}_${runs.length + 1}`;
          const run = await measureRun({
            implementation,
            concurrency,
            server,
            simulator,
            template,
            config,
            name,
          });
          runs.push({ pair, ...run });
          console.log(`pair ${pair}/${config.pairs}  ${describe(run)}`);
        }
      }
    }
    return scenarios({ server, simulator, template }, config);
  });
  const summaries = summarize(runs, config.concurrencies);
  const table = `${markdownTable(summaries)}\n\n${scenarioTable(extra)}`;
  const line = `${finalLine(summaries, runs)} ${scenarioLine(config, extra)}`;
  const problems = [...runs.flatMap(problemsOf), ...scenarioProblems(extra)];
  const document = {
    scenario:
      'POST /v1/authentications, frictionless, browser data at create; then complete and the callback',
    database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded',
    postgres_cpu: postgresCpu,
    config: { ...config, resultsDir: undefined, smoke },
    started_at: started.toISOString(),
    finished_at: new Date().toISOString(),
    summaries,
    runs,
    scenarios: extra,
    problems,
    line,
  };
  if (config.resultsDir) {
    mkdirSync(config.resultsDir, { recursive: true });
    await writeResults(config.resultsDir, document, table);
  }
  console.log(`\n${table}\n`);
  if (problems.length > 0) {
    console.error(`bench: FAILED:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
  console.log(line);
}
