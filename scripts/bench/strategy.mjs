// `npm run bench -- --strategy`: what the default exemption policy does to a shopper's
// friction on the simulator's issuer model (docs/simulator-issuer-model.md). The same seeded
// purchases run twice, each time against a fresh orchestrator and database: once with no policy,
// once with the default policy for the benchmark's team. The simulator's data-driven challenges
// are on with a fixed risk seed, so a purchase that is not exempted meets the same issuer draw in
// both runs. Rates only: nothing here is timed or judged by speed.
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { startOrchestrator, startSimulator } from './apps.mjs';
import { startServer } from './database.mjs';
import { freePort } from './processes.mjs';
import { digestOf, generatePurchases } from './purchases.mjs';
import { replaceReadmeSection, writeFormatted } from './report.mjs';
import { TEAM } from './settings.mjs';
import { shop } from './shopper.mjs';
import { segmentTable, strategyLine, strategyTable, tally } from './strategy-report.mjs';

const POLICIES = [
  { policy: 'none', settings: {} },
  { policy: 'default', settings: { EXEMPTION_POLICIES: `${TEAM}:default` } },
];

function configOf(env) {
  return {
    purchases: Number(env.BENCH_STRATEGY_PURCHASES ?? 1000),
    seed: env.BENCH_STRATEGY_SEED ?? 'issue-22',
    riskSeed: env.BENCH_STRATEGY_RISK_SEED ?? 'bench-strategy',
    abandonRate: Number(env.BENCH_STRATEGY_ABANDON_RATE ?? 0.1),
    concurrency: Number(env.BENCH_STRATEGY_CONCURRENCY ?? 8),
    resultsDir: env.BENCH_RESULTS_DIR ?? 'bench',
  };
}

/** The simulator as the issuer model with data-driven challenges and the run's risk seed. */
async function resetIssuerModel(simulatorUrl, riskSeed) {
  await fetch(`${simulatorUrl}/_sim/reset`, { method: 'POST' });
  const response = await fetch(`${simulatorUrl}/_sim/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data_driven_challenges: true, risk_seed: riskSeed }),
  });
  if (!response.ok) throw new Error(`simulator refused its settings: ${response.status}`);
}

/** Every purchase by `concurrency` shoppers, results in the purchases' order. */
async function shopAll(baseUrl, purchases, { concurrency, policy }) {
  const results = new Array(purchases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < purchases.length) {
        const index = next++;
        const purchase = purchases[index];
        results[index] = await shop(baseUrl, purchase, `strategy-${policy}-${purchase.reference}`);
      }
    }),
  );
  return results;
}

async function runWithPolicy({ policy, settings }, { server, simulatorUrl, purchases, config }) {
  const name = `bench_${process.pid}_strategy_${policy}`;
  await resetIssuerModel(simulatorUrl, config.riskSeed);
  await server.createDatabase(name);
  const port = await freePort();
  const app = startOrchestrator({
    port,
    databaseUrl: server.urlFor(name),
    simulatorUrl,
    settings,
  });
  try {
    await app.ready;
    const started = performance.now();
    const results = await shopAll(`http://127.0.0.1:${port}`, purchases, {
      concurrency: config.concurrency,
      policy,
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const exitCode = await app.stop();
    return {
      policy,
      purchases_digest: digestOf(purchases.map((purchase) => purchase.body)),
      seconds,
      exit_code: exitCode,
      ...tally(purchases, results),
      results,
    };
  } catch (error) {
    await app.stop();
    throw new Error(`run with policy ${policy} failed: ${error.message}\n${app.output()}`);
  } finally {
    await server.dropDatabase(name);
  }
}

/** Purchases whose path (frictionless or challenged) differs between the two runs. */
function pathChanges([without, withPolicy]) {
  const changes = {};
  without.results.forEach((result, index) => {
    const other = withPolicy.results[index];
    if (result.path === other.path) return;
    const key = `${result.path} → ${other.path}`;
    changes[key] = (changes[key] ?? 0) + 1;
  });
  return changes;
}

function problemsOf(runs) {
  const problems = [];
  for (const run of runs) {
    if (run.counts.errors > 0)
      problems.push(`${run.policy}: ${run.counts.errors} purchases failed`);
    if (run.exit_code !== 0) problems.push(`${run.policy}: exit code ${run.exit_code}`);
  }
  if (runs[0].purchases_digest !== runs[1].purchases_digest) {
    problems.push('the two runs did not send the same purchases');
  }
  return problems;
}

const machine = () => {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
};

export async function strategy() {
  const config = configOf(process.env);
  const purchases = generatePurchases({ ...config, count: config.purchases });
  const started = new Date();
  const server = await startServer();
  const simulatorPort = await freePort();
  const simulator = startSimulator(simulatorPort);
  const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  const runs = [];
  try {
    await simulator.ready;
    for (const policy of POLICIES) {
      const run = await runWithPolicy(policy, { server, simulatorUrl, purchases, config });
      console.log(`policy ${run.policy}: ${purchases.length} purchases in ${run.seconds} s`);
      runs.push(run);
    }
  } finally {
    await simulator.stop();
    await server.stop();
  }
  const problems = problemsOf(runs);
  const document = {
    scenario:
      'The same seeded purchases with no exemption policy, then with the default policy; ' +
      "the simulator's issuer model with data-driven challenges",
    machine: machine(),
    node: process.version,
    database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded',
    config: { ...config, resultsDir: undefined },
    started_at: started.toISOString(),
    finished_at: new Date().toISOString(),
    path_changes: pathChanges(runs),
    runs: runs.map(({ results: _results, ...run }) => run),
    problems,
    line: strategyLine(runs),
  };
  const table = strategyTable(runs);
  const segments = segmentTable(runs);
  if (config.resultsDir) {
    await writeFormatted(
      join(config.resultsDir, 'strategy.json'),
      JSON.stringify(document, null, 2),
    );
    const measured =
      `Measured ${document.finished_at.slice(0, 16).replace('T', ' ')} UTC on ${document.machine}, ` +
      `Node ${document.node}: ${config.purchases} purchases (seed \`${config.seed}\`, risk seed ` +
      `\`${config.riskSeed}\`, ${config.abandonRate * 100} % of shoppers abandon a challenge), ` +
      `${config.concurrency} at a time.`;
    await replaceReadmeSection(
      config.resultsDir,
      'strategy',
      `${measured}\n\n${table}\n\n${segments}\n\n\`${document.line}\``,
    );
  }
  console.log(`\n${table}\n\n${segments}\n`);
  console.log(`path changes: ${JSON.stringify(document.path_changes)}`);
  if (problems.length > 0) {
    console.error(`bench: FAILED:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
  console.log(document.line);
}
