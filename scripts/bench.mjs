// Load benchmark: the built orchestrator and simulator as separate processes, real PostgreSQL
// (DATABASE_URL, or an embedded one in a temp dir), N concurrent clients creating frictionless
// authentications with browser data (one synchronous Checkout round trip each, then complete).
// Usage: npm run bench  [BENCH_SECONDS=15 BENCH_CONCURRENCY=32 BENCH_MAX_P99_MS=… BENCH_MAX_RSS_MB=…]
import { spawn } from 'node:child_process';
import { mkdtempSync, chmodSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const API_KEY = 'bench-team-api-key-000001';
const CLIENT = { id: 'ack_benchclient', secret: 'bench-client-secret' };

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function start(name, bundle, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, bundle], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (/listening on/.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output}`)));
  });
  return { child, ready, output: () => output };
}

const rssMb = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const [simPort, orchPort, pgPort] = await Promise.all([freePort(), freePort(), freePort()]);
const pgDir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
chmodSync(pgDir, 0o755);
const simulator = start('simulator', 'dist/apps/checkout-simulator/main.js', {
  PORT: String(simPort),
  LOG_FORMAT: 'json',
  SIMULATOR_CLIENT_ID: CLIENT.id,
  SIMULATOR_CLIENT_SECRET: CLIENT.secret,
});
const orchestrator = start(
  'orchestrator',
  'dist/apps/orchestrator/main.js',
  {
    PORT: String(orchPort),
    LOG_FORMAT: 'json',
    NODE_ENV: 'production',
    ...(process.env.DATABASE_URL
      ? { DATABASE_URL: process.env.DATABASE_URL }
      : { EMBEDDED_POSTGRES_DIR: join(pgDir, 'pg'), EMBEDDED_POSTGRES_PORT: String(pgPort) }),
    CHECKOUT_API_URL: `http://127.0.0.1:${simPort}`,
    CHECKOUT_TOKEN_URL: `http://127.0.0.1:${simPort}/connect/token`,
    CHECKOUT_CLIENT_ID: CLIENT.id,
    CHECKOUT_CLIENT_SECRET: CLIENT.secret,
    PUBLIC_URL: `http://127.0.0.1:${orchPort}`,
    API_KEYS: `bench:${API_KEY}`,
    CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    CARD_FINGERPRINT_KEY: 'bench-card-fingerprint-key-000000000000',
  },
  // BENCH_PROFILE_DIR: write a V8 CPU profile of the orchestrator there (open it in Chrome DevTools).
  process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [],
);
const stopAll = () =>
  [orchestrator, simulator].forEach(
    ({ child }) => child.exitCode === null && child.kill('SIGTERM'),
  );
process.on('exit', stopAll);

try {
  await Promise.all([simulator.ready, orchestrator.ready]);
  const browser = {
    channel: 'browser',
    accept_header: 'text/html',
    java_enabled: false,
    javascript_enabled: true,
    language: 'en-GB',
    color_depth: '24',
    screen_height: '1080',
    screen_width: '1920',
    timezone: '-60',
    user_agent: 'bench',
    ip_address: '203.0.113.10',
  };
  let sequence = 0;
  const createOnce = async () => {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${orchPort}/v1/authentications`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${API_KEY}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${sequence}`,
      },
      body: JSON.stringify({
        source: { type: 'card', number: '4485040371536584', expiry_month: 12, expiry_year: 2030 },
        amount: 100,
        currency: 'EUR',
        channel: 'browser',
        reference: `BENCH-${sequence++}`,
        channel_data: browser,
      }),
    });
    await response.arrayBuffer();
    return { ok: response.status === 201, ms: performance.now() - started };
  };
  const run = async (seconds) => {
    const latencies = [];
    let errors = 0;
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          const { ok, ms } = await createOnce().catch(() => ({ ok: false, ms: 0 }));
          if (ok) latencies.push(ms);
          else errors++;
        }
      }),
    );
    return { latencies: latencies.sort((a, b) => a - b), errors };
  };
  await run(2); // warm-up: JIT, token cache, connection pool
  const rssBefore = rssMb(orchestrator.child.pid);
  const { latencies, errors } = await run(SECONDS);
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
  if (process.env.BENCH_MAX_P99_MS && result.latency_ms.p99 > Number(process.env.BENCH_MAX_P99_MS))
    failures.push(`p99 ${result.latency_ms.p99} ms > ${process.env.BENCH_MAX_P99_MS}`);
  if (process.env.BENCH_MAX_RSS_MB && rssAfter > Number(process.env.BENCH_MAX_RSS_MB))
    failures.push(`RSS ${Math.round(rssAfter)} MB > ${process.env.BENCH_MAX_RSS_MB}`);
  if (failures.length > 0) {
    console.error(`bench: FAILED: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  stopAll();
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
