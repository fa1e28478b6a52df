// The processes under test: the built simulators (Checkout's, Adyen's), the built orchestrator and the minimal
// implementation (bench/minimal), configured alike (same Checkout client, keys, database server).
import { startNodeApp } from './processes.mjs';
import {
  ADYEN,
  API_KEY,
  PROCESSING_CHANNEL,
  SECRETS,
  SIMULATOR_CLIENT,
  TEAM,
} from './settings.mjs';

const checkoutEnv = (simulatorUrl) => ({
  CHECKOUT_API_URL: simulatorUrl,
  CHECKOUT_TOKEN_URL: `${simulatorUrl}/connect/token`,
  CHECKOUT_CLIENT_ID: SIMULATOR_CLIENT.id,
  CHECKOUT_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
  CHECKOUT_PROCESSING_CHANNEL_ID: PROCESSING_CHANNEL,
});

/** The control API resets the simulator's sessions and counters between runs. */
export function startSimulator(port) {
  return startNodeApp('simulator', 'dist/apps/checkout-simulator/main.js', {
    PORT: String(port),
    LOG_FORMAT: 'json',
    SIMULATOR_CLIENT_ID: SIMULATOR_CLIENT.id,
    SIMULATOR_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
    SIMULATOR_PROCESSING_CHANNELS: PROCESSING_CHANNEL,
    SIMULATOR_CONTROL_API: 'true',
  });
}

/** Adyen's simulator, with the benchmark's account (ADYEN_SETTINGS hands the orchestrator the same). */
export function startAdyenSimulator(port) {
  return startNodeApp('adyen-simulator', 'dist/apps/adyen-simulator/main.js', {
    PORT: String(port),
    LOG_FORMAT: 'json',
    ADYEN_SIMULATOR_API_KEY: ADYEN.apiKey,
    ADYEN_SIMULATOR_CLIENT_KEY: ADYEN.clientKey,
    ADYEN_SIMULATOR_MERCHANT_ACCOUNT: ADYEN.merchantAccount,
    ADYEN_SIMULATOR_HMAC_KEY: ADYEN.hmacKey,
    ADYEN_SIMULATOR_CONTROL_API: 'true',
  });
}

/** The orchestrator's settings for the Adyen simulator at `url`. */
export const adyenSettings = (url) => ({
  ADYEN_API_URL: `${url}/v71`,
  ADYEN_PAYMENT_API_URL: `${url}/pal/servlet/Payment/v68`,
  ADYEN_CHECKOUTSHOPPER_URL: `${url}/checkoutshopper`,
  ADYEN_API_KEY: ADYEN.apiKey,
  ADYEN_CLIENT_KEY: ADYEN.clientKey,
  ADYEN_MERCHANT_ACCOUNT: ADYEN.merchantAccount,
  ADYEN_HMAC_KEYS: ADYEN.hmacKey,
});

/**
 * The orchestrator as deployed (logging at info, no /docs), against `databaseUrl`; NODE_ENV=test
 * since production refuses the simulator and loopback URLs. Its rate limits are raised out of
 * reach: one API key, and one address playing every cardholder's browser, is the benchmark's doing.
 * `settings`: more of the orchestrator's settings (a team's exemption policy, say).
 * BENCH_PROFILE_DIR: a V8 CPU profile of each run is written there (Chrome DevTools opens it).
 */
export function startOrchestrator({ port, databaseUrl, simulatorUrl, settings = {} }) {
  return startNodeApp(
    'orchestrator',
    'dist/apps/orchestrator/main.js',
    {
      PORT: String(port),
      LOG_FORMAT: 'json',
      NODE_ENV: 'test',
      API_DOCS: 'false',
      DATABASE_URL: databaseUrl,
      ...checkoutEnv(simulatorUrl),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      API_KEYS: `${TEAM}:${API_KEY}`,
      RATE_LIMIT_API_PER_MINUTE: '100000000',
      RATE_LIMIT_CHECKOUT_PER_MINUTE: '100000000',
      RATE_LIMIT_ADYEN_PER_MINUTE: '100000000',
      RATE_LIMIT_BROWSER_PER_MINUTE: '100000000',
      ...SECRETS,
      ...settings,
    },
    process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : [],
  );
}

/** The minimal implementation; its API key is the one the orchestrator seeded (api_keys). */
export function startMinimal({ port, databaseUrl, simulatorUrl }) {
  return startNodeApp('minimal', 'bench/minimal/server.mjs', {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    ...checkoutEnv(simulatorUrl),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...SECRETS,
  });
}

/** A simulator's faults (its control API): `fault` added, or every fault cleared without one. */
export async function simulatorFaults(simulatorUrl, fault) {
  const response = await fetch(`${simulatorUrl}/_sim/faults`, {
    method: fault ? 'POST' : 'DELETE',
    ...(fault
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) }
      : {}),
  });
  if (!response.ok) throw new Error(`simulator faults: ${response.status}`);
}
