// The load: N concurrent clients, each creating frictionless browser authentications back to
// back (the browser data rides with the create, so Checkout answers with the result at once).
import { API_KEY } from './settings.mjs';

/** A desktop browser's channel data, as the cardholder's page collects it. */
export const BROWSER_CHANNEL_DATA = {
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

/** A create of a frictionless Visa with the browser data: Checkout answers with the result. */
export const aFrictionlessCreate = (reference) => ({
  source: { type: 'card', number: '4485040371536584', expiry_month: 12, expiry_year: 2030 },
  amount: 100,
  currency: 'EUR',
  channel: 'browser',
  reference,
  channel_data: BROWSER_CHANNEL_DATA,
});

/** A frictionless create answers with the result. */
const FINAL_STATES = ['result_ready', 'completed'];

/** Idempotency keys and references stay unique across every run of one benchmark process. */
let sequence = 0;

/**
 * `POST /v1/authentications` as the benchmark's team; the answer's status, parsed body and
 * request id (`x-request-id`, the id the orchestrator hands Checkout with each call it makes).
 */
export async function postCreate(baseUrl, body, idempotencyKey) {
  const response = await fetch(`${baseUrl}/v1/authentications`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${API_KEY}`,
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: await response.json().catch(() => undefined),
    requestId: response.headers.get('x-request-id') ?? undefined,
  };
}

export async function createOnce(baseUrl) {
  const n = sequence++;
  const started = performance.now();
  const response = await postCreate(
    baseUrl,
    aFrictionlessCreate(`BENCH-${n}`),
    `bench-${process.pid}-${n}`,
  );
  const { body } = response;
  // `completed`: the orchestrator's `complete` job can finish before its answer is read back.
  const ok = response.status === 201 && FINAL_STATES.includes(body?.state);
  const status = response.status === 201 ? `201 ${body?.state}` : String(response.status);
  return { ok, ms: performance.now() - started, status, body };
}

/**
 * Keeps `concurrency` clients creating for `seconds`; latencies (ms, sorted) of the answers that
 * were a 201 with the result, and what else came back (status, or `201 <state>` → count).
 */
export async function runLoad(baseUrl, { concurrency, seconds }) {
  const latencies = [];
  const failures = {};
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const { ok, ms, status } = await createOnce(baseUrl).catch(() => ({
          ok: false,
          status: 'no answer',
        }));
        if (ok) latencies.push(ms);
        else failures[status] = (failures[status] ?? 0) + 1;
      }
    }),
  );
  const errors = Object.values(failures).reduce((sum, count) => sum + count, 0);
  return { latencies: latencies.sort((a, b) => a - b), errors, failures };
}

export const percentile = (sorted, p) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
