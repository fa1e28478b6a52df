// `npm run bench -- --failover`: creates at a steady rate (open loop) while Checkout fails, for a
// team whose routing falls back to Adyen (docs/routing.md#failover). Three phases of
// BENCH_FAILOVER_PHASE_SECONDS (30) each: healthy; Checkout failing (the first half 500s, the
// second half timeouts); healed. Prints failed creates by answer, p50/p99 per phase, the share
// each provider took per 5 s, and how long after the heal Checkout took creates again.
// BENCH_FAILOVER_RATE (50 creates/s). The card is frictionless at Checkout and not enrolled at
// Adyen: both answer a 201 at once. Nothing is asserted: it shows, the e2e suite checks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  adyenSettings,
  simulatorFaults,
  startAdyenSimulator,
  startOrchestrator,
  startSimulator,
} from './apps.mjs';
import { startServer } from './database.mjs';
import { aFrictionlessCreate, percentile, postCreate } from './load.mjs';
import { freePort } from './processes.mjs';
import { TEAM } from './settings.mjs';

const BREAKER = { consecutiveFailures: 5, halfOpenAfterMs: 5_000 };
/** Checkout's deadline for a create with browser data: a timeout fault is held past it. */
const CREATE_DEADLINE_MS = 2_000;
const SHARE_WINDOW_MS = 5_000;

const policyFile = (dir) => {
  const file = join(dir, 'routing.json');
  const policy = {
    version: 'bench-failover',
    rules: [],
    otherwise: { providers: ['checkout', 'adyen'] },
  };
  writeFileSync(file, JSON.stringify({ failover: policy }));
  return file;
};

/** One create every 1/rate s for `ms`, never waiting for answers: open loop. */
async function openLoop(baseUrl, { rate, ms, startedAt, phase, outcomes, pending }) {
  const interval = 1000 / rate;
  const first = performance.now();
  for (let i = 0; performance.now() - first < ms; i++) {
    const due = first + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const n = outcomes.length + pending.size;
    const sent = performance.now();
    const call = postCreate(
      baseUrl,
      aFrictionlessCreate(`FAILOVER-${n}`),
      `failover-${process.pid}-${n}`,
    )
      .catch(() => ({ status: 'no answer', body: undefined }))
      .then(({ status, body }) => {
        outcomes.push({
          phase,
          at: sent - startedAt,
          ms: performance.now() - sent,
          status: status === 201 ? '201' : `${status} ${body?.error?.code ?? ''}`.trim(),
          provider: body?.routing?.provider,
        });
        pending.delete(call);
      });
    pending.add(call);
  }
}

function report(outcomes, healedAt) {
  const phases = ['healthy', 'failing', 'healed'];
  const failed = {};
  for (const one of outcomes.filter((o) => o.status !== '201')) {
    failed[one.status] = (failed[one.status] ?? 0) + 1;
  }
  const latency = Object.fromEntries(
    phases.map((phase) => {
      const sorted = outcomes
        .filter((o) => o.phase === phase)
        .map((o) => o.ms)
        .sort((a, b) => a - b);
      return [
        phase,
        { p50_ms: Math.round(percentile(sorted, 50)), p99_ms: Math.round(percentile(sorted, 99)) },
      ];
    }),
  );
  const shares = [];
  const end = Math.max(...outcomes.map((o) => o.at));
  for (let from = 0; from <= end; from += SHARE_WINDOW_MS) {
    const window = outcomes.filter((o) => o.at >= from && o.at < from + SHARE_WINDOW_MS);
    const count = (provider) => window.filter((o) => o.provider === provider).length;
    shares.push({
      from_s: from / 1000,
      checkout: count('checkout'),
      adyen: count('adyen'),
      failed: window.filter((o) => o.status !== '201').length,
    });
  }
  const backAtCheckout = outcomes
    .filter((o) => o.at >= healedAt && o.provider === 'checkout')
    .sort((a, b) => a.at - b.at)[0];
  return {
    creates: outcomes.length,
    failed,
    latency,
    shares,
    // null: Checkout took no create within the healed phase (a probe past the heal still failed).
    seconds_to_recover: backAtCheckout
      ? Math.round((backAtCheckout.at - healedAt) / 100) / 10
      : null,
  };
}

export async function failover() {
  const env = process.env;
  const rate = Number(env.BENCH_FAILOVER_RATE ?? 50);
  const phaseMs = Number(env.BENCH_FAILOVER_PHASE_SECONDS ?? 30) * 1000;
  const dir = mkdtempSync(join(tmpdir(), 'bench-failover-'));
  const server = await startServer();
  const [checkoutPort, adyenPort, port] = await Promise.all([freePort(), freePort(), freePort()]);
  const checkoutUrl = `http://127.0.0.1:${checkoutPort}`;
  const checkout = startSimulator(checkoutPort);
  const adyen = startAdyenSimulator(adyenPort);
  const name = `bench_${process.pid}_failover`;
  let app;
  try {
    await Promise.all([checkout.ready, adyen.ready]);
    await server.createDatabase(name);
    app = startOrchestrator({
      port,
      databaseUrl: server.urlFor(name),
      simulatorUrl: checkoutUrl,
      settings: {
        ...adyenSettings(`http://127.0.0.1:${adyenPort}`),
        ROUTING_POLICIES: `${TEAM}:failover`,
        ROUTING_POLICY_FILE: policyFile(dir),
        PROVIDER_BREAKER_CONSECUTIVE_FAILURES: String(BREAKER.consecutiveFailures),
        PROVIDER_BREAKER_HALF_OPEN_AFTER_MS: String(BREAKER.halfOpenAfterMs),
        CHECKOUT_AUTHENTICATION_TIMEOUT_MS: String(CREATE_DEADLINE_MS),
      },
    });
    await app.ready;
    const baseUrl = `http://127.0.0.1:${port}`;
    const outcomes = [];
    const pending = new Set();
    const startedAt = performance.now();
    const run = (phase, ms) => openLoop(baseUrl, { rate, ms, startedAt, phase, outcomes, pending });
    console.log(`failover: ${rate} creates/s, phases of ${phaseMs / 1000} s`);
    await run('healthy', phaseMs);
    await simulatorFaults(checkoutUrl, { route: 'POST /sessions', kind: 'status', status: 500 });
    await run('failing', phaseMs / 2);
    await simulatorFaults(checkoutUrl);
    await simulatorFaults(checkoutUrl, {
      route: 'POST /sessions',
      kind: 'timeout',
      latency_ms: 10 * CREATE_DEADLINE_MS,
    });
    await run('failing', phaseMs / 2);
    await simulatorFaults(checkoutUrl);
    const healedAt = performance.now() - startedAt;
    await run('healed', phaseMs);
    await Promise.all(pending);
    const result = {
      rate,
      phase_seconds: phaseMs / 1000,
      breaker: BREAKER,
      ...report(outcomes, healedAt),
    };
    if (env.BENCH_RESULTS_DIR) {
      writeFileSync(
        `${env.BENCH_RESULTS_DIR}/failover.json`,
        `${JSON.stringify(result, null, 2)}\n`,
      );
    }
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await app?.stop();
    await Promise.all([checkout.stop(), adyen.stop()]);
    await server.dropDatabase(name).catch(() => undefined);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
