// `npm run bench -- --soak`: does the orchestrator's memory settle? BENCH_SOAK_FLOWS (100,000)
// frictionless flows at BENCH_SOAK_CONCURRENCY (32) clients, RSS sampled every tenth of them;
// growth is measured from the first sample (after the warm-up tenth: JIT, pools, caches) to the
// last. Fails if any flow failed or the growth reaches BENCH_SOAK_MAX_GROWTH_PERCENT (10).
import { writeFileSync } from 'node:fs';
import { startOrchestrator, startSimulator } from './apps.mjs';
import { startServer } from './database.mjs';
import { createOnce } from './load.mjs';
import { freePort, rssMb } from './processes.mjs';

/** `flows` creates by `concurrency` clients; how many failed. */
async function runFlows(baseUrl, { concurrency, flows }) {
  let started = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < flows) {
        started++;
        const { ok } = await createOnce(baseUrl).catch(() => ({ ok: false }));
        if (!ok) failed++;
      }
    }),
  );
  return failed;
}

export async function soak() {
  const env = process.env;
  const flows = Number(env.BENCH_SOAK_FLOWS ?? 100_000);
  const concurrency = Number(env.BENCH_SOAK_CONCURRENCY ?? 32);
  const maxGrowth = Number(env.BENCH_SOAK_MAX_GROWTH_PERCENT ?? 10);
  const step = Math.ceil(flows / 10);
  const server = await startServer();
  const simulatorPort = await freePort();
  const simulator = startSimulator(simulatorPort);
  const name = `bench_${process.pid}_soak`;
  const samples = [];
  let failed = 0;
  let app;
  try {
    await simulator.ready;
    await server.createDatabase(name);
    const port = await freePort();
    app = startOrchestrator({
      port,
      databaseUrl: server.urlFor(name),
      simulatorUrl: `http://127.0.0.1:${simulatorPort}`,
    });
    await app.ready;
    const started = performance.now();
    for (let done = 0; done < flows; done += step) {
      failed += await runFlows(`http://127.0.0.1:${port}`, { concurrency, flows: step });
      const sample = {
        flows: done + step,
        rss_mb: Math.round(rssMb(app.child.pid)),
        seconds: Math.round((performance.now() - started) / 1000),
      };
      samples.push(sample);
      console.log(`soak  ${sample.flows} flows  RSS ${sample.rss_mb} MB  ${sample.seconds} s`);
    }
  } finally {
    await app?.stop();
    await simulator.stop();
    await server.dropDatabase(name).catch(() => undefined);
    await server.stop();
  }
  const first = samples[0].rss_mb;
  const last = samples.at(-1).rss_mb;
  const growth = Math.round(((last - first) / first) * 1000) / 10;
  const result = { flows, concurrency, failed, samples, rss_growth_percent: growth };
  if (env.BENCH_RESULTS_DIR) {
    writeFileSync(`${env.BENCH_RESULTS_DIR}/soak.json`, `${JSON.stringify(result, null, 2)}\n`);
  }
  if (failed > 0 || growth >= maxGrowth) {
    console.error(`bench: FAILED: ${failed} failed flows, RSS growth ${growth} %`);
    process.exitCode = 1;
  }
  console.log(`rss_growth_percent=${growth} flows=${flows} failed=${failed}`);
}
