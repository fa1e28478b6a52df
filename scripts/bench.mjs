// Load benchmark: the built orchestrator and simulator as separate processes, real PostgreSQL
// (DATABASE_URL, or an embedded one in a temp dir), N concurrent clients creating frictionless
// authentications with browser data (one synchronous Checkout round trip each, then complete).
// Usage: npm run bench  [BENCH_SECONDS=15 BENCH_CONCURRENCY=32 BENCH_MAX_P99_MS=… BENCH_MAX_RSS_MB=…]
//        npm run bench -- --compare   side by side with bench/minimal (scripts/bench/compare.mjs)
//        npm run bench -- --smoke     one short comparison pair, for the tests
//        npm run bench -- --soak      RSS over 100,000 flows (scripts/bench/soak.mjs)
//        npm run bench -- --strategy  the same seeded purchases without and with the default
//                                     exemption policy: friction and success rates side by side
//                                     [BENCH_STRATEGY_PURCHASES=1000 BENCH_STRATEGY_SEED=…]
//                                     (scripts/bench/strategy.mjs)
//        npm run bench -- --failover  creates at a steady rate while Checkout fails, falling
//                                     back to Adyen [BENCH_FAILOVER_RATE=50
//                                     BENCH_FAILOVER_PHASE_SECONDS=30] (scripts/bench/failover.mjs)
//        npm run bench -- --open      creates at a fixed rate, half the minimal's capacity: our own
//                                     latency p50/p99 [BENCH_OPEN_RATE=… BENCH_SECONDS=15]
//                                     (scripts/bench/open.mjs)
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from './bench/apps.mjs';
import { compare } from './bench/compare.mjs';
import { failover } from './bench/failover.mjs';
import { openBench } from './bench/open.mjs';
import { soak } from './bench/soak.mjs';
import { strategy } from './bench/strategy.mjs';
import { percentile, runLoad } from './bench/load.mjs';
import { freePort, rssMb, startNodeApp } from './bench/processes.mjs';
import { API_KEY, PROCESSING_CHANNEL, SECRETS, SIMULATOR_CLIENT } from './bench/settings.mjs';

const args = process.argv.slice(2);
if (args.includes('--soak')) {
  await soak();
} else if (args.includes('--failover')) {
  await failover();
} else if (args.includes('--open')) {
  await openBench();
} else if (args.includes('--strategy')) {
  await strategy();
} else if (
  args.includes('--compare') ||
  args.includes('--smoke') ||
  process.env.BENCH_SMOKE === '1'
) {
  await compare({ smoke: args.includes('--smoke') || process.env.BENCH_SMOKE === '1' });
} else {
  await single();
}

async function single() {
  const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
  const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
  const [simPort, orchPort, pgPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const pgDir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
  chmodSync(pgDir, 0o755);
  const simulator = startSimulator(simPort);
  const orchestrator = startNodeApp(
    'orchestrator',
    'dist/apps/orchestrator/main.js',
    {
      PORT: String(orchPort),
      LOG_FORMAT: 'json',
      // As deployed but for the simulator and loopback URLs, which production refuses.
      NODE_ENV: 'test',
      API_DOCS: 'false',
      ...(process.env.DATABASE_URL
        ? { DATABASE_URL: process.env.DATABASE_URL }
        : { EMBEDDED_POSTGRES_DIR: join(pgDir, 'pg'), EMBEDDED_POSTGRES_PORT: String(pgPort) }),
      CHECKOUT_API_URL: `http://127.0.0.1:${simPort}`,
      CHECKOUT_TOKEN_URL: `http://127.0.0.1:${simPort}/connect/token`,
      CHECKOUT_CLIENT_ID: SIMULATOR_CLIENT.id,
      CHECKOUT_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
      CHECKOUT_PROCESSING_CHANNEL_ID: PROCESSING_CHANNEL,
      PUBLIC_URL: `http://127.0.0.1:${orchPort}`,
      API_KEYS: `bench:${API_KEY}`,
      ...SECRETS,
    },
    // BENCH_PROFILE_DIR: write a V8 CPU profile of the orchestrator there (open it in Chrome DevTools).
    process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : [],
  );
  try {
    await Promise.all([simulator.ready, orchestrator.ready]);
    const baseUrl = `http://127.0.0.1:${orchPort}`;
    await runLoad(baseUrl, { concurrency: CONCURRENCY, seconds: 2 }); // warm-up: JIT, token cache, pool
    const rssBefore = rssMb(orchestrator.child.pid);
    const { latencies, errors } = await runLoad(baseUrl, {
      concurrency: CONCURRENCY,
      seconds: SECONDS,
    });
    const rssAfter = rssMb(orchestrator.child.pid);
    const result = {
      scenario: 'POST /v1/authentications, frictionless, browser data at create',
      database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded',
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      requests: latencies.length,
      errors,
      throughput_per_s: Math.round(latencies.length / SECONDS),
      latency_ms: {
        p50: +percentile(latencies, 50).toFixed(1),
        p90: +percentile(latencies, 90).toFixed(1),
        p99: +percentile(latencies, 99).toFixed(1),
        max: +latencies.at(-1).toFixed(1),
      },
      orchestrator_rss_mb: { before: Math.round(rssBefore), after: Math.round(rssAfter) },
    };
    console.log(JSON.stringify(result, null, 2));
    const failures = [];
    if (errors > 0) failures.push(`${errors} failed requests`);
    if (
      process.env.BENCH_MAX_P99_MS &&
      result.latency_ms.p99 > Number(process.env.BENCH_MAX_P99_MS)
    )
      failures.push(`p99 ${result.latency_ms.p99} ms > ${process.env.BENCH_MAX_P99_MS}`);
    if (process.env.BENCH_MAX_RSS_MB && rssAfter > Number(process.env.BENCH_MAX_RSS_MB))
      failures.push(`RSS ${Math.round(rssAfter)} MB > ${process.env.BENCH_MAX_RSS_MB}`);
    if (failures.length > 0) {
      console.error(`bench: FAILED: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    // The orchestrator stops its embedded PostgreSQL itself on SIGTERM; its data goes after.
    await orchestrator.stop();
    await simulator.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
}
