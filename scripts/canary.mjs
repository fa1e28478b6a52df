// npm run canary: the same Sessions calls against Checkout's real sandbox and against the
// simulator (started here from the build), compared step by step, so that the simulator's
// fidelity is checked against Checkout itself rather than against our reading of its documents.
// Cases: a frictionless card (create with browser data, get, complete) and a challenge card
// (create with browser data, get), both from contracts/checkout/test-cards.json.
// Prints one line per difference and `canary: N differences`; exits 1 if there is any, 2 if the
// sandbox (or the simulator) cannot be reached or refuses the credentials, 0 otherwise.
// Usage: CHECKOUT_SANDBOX_CLIENT_ID=ack_… CHECKOUT_SANDBOX_CLIENT_SECRET=… npm run canary
//        (npm run canary passes --build: the apps are built, if they changed, only once the
//        credentials are there)
//        [CHECKOUT_SANDBOX_PROCESSING_CHANNEL_ID=pc_…: unless the key is bound to a channel]
//        [CHECKOUT_SANDBOX_API_URL, CHECKOUT_SANDBOX_TOKEN_URL: an account's prefixed hosts]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, startNodeApp } from './bench/processes.mjs';
import { compareAnswers, describeDifference } from './canary/compare.mjs';

const SKIPPED =
  "canary: skipped (set CHECKOUT_SANDBOX_CLIENT_ID and CHECKOUT_SANDBOX_CLIENT_SECRET to run it against Checkout's sandbox)";
const SIMULATOR_BUNDLE = fileURLToPath(
  new URL('../dist/apps/checkout-simulator/main.js', import.meta.url),
);
const TEST_CARDS = new URL('../contracts/checkout/test-cards.json', import.meta.url);
/** The simulator's own OAuth client: local to this run, never Checkout's. */
const SIMULATOR_CLIENT = { id: 'ack_canarysimulatorclient', secret: 'canary-simulator-secret' };
/** The simulator's client is bound to none, as Checkout's: sent when no channel is configured. */
const PLACEHOLDER_CHANNEL = 'pc_canarysimulatorchannel0000';
/** Checkout's own SDKs allow 15 s for a Sessions call (an authentication runs synchronously). */
const REQUEST_TIMEOUT_MS = 15_000;
/** What a browser tells Checkout about itself (docs/checkout-sessions.md#channel-data). */
const BROWSER_DATA = {
  channel: 'browser',
  accept_header: 'text/html,application/xhtml+xml',
  java_enabled: false,
  javascript_enabled: true,
  language: 'en-GB',
  color_depth: '24',
  screen_height: '1080',
  screen_width: '1920',
  timezone: '-60',
  user_agent: 'Mozilla/5.0 (npm run canary)',
  ip_address: '203.0.113.10',
};

/**
 * Nothing can be compared: a side did not answer at all, refused the credentials, or the
 * simulator is not built. Not a difference, so it exits 2, not 1.
 */
class CannotCompare extends Error {}

const masked = (number) => `${number.slice(0, 6)}…${number.slice(-4)}`;

function pickCards() {
  const { cards } = JSON.parse(readFileSync(TEST_CARDS, 'utf8'));
  const first = (flow) =>
    cards.find((card) => card.flow === flow && card.outcome === 'Y' && card.three_ds_method_url);
  return [
    { name: 'frictionless', card: first('frictionless'), completes: true },
    // Nobody answers the challenge: the session stays `challenged`, so there is nothing to complete.
    { name: 'challenge', card: first('challenge'), completes: false },
  ];
}

/** Why a request never got an answer, without anything the request carried. */
function reasonOf(error) {
  // fetch's own message is only "fetch failed"; its cause says what failed (DNS, refused, TLS).
  const cause = error?.cause;
  return cause?.message || cause?.code || error?.message || String(error);
}

/** One HTTP exchange; only the method and URL (never a header or body) reach an error message. */
async function exchange(target, method, url, init) {
  try {
    const response = await fetch(url, {
      method,
      ...init,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let body;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, body };
  } catch (error) {
    throw new CannotCompare(`cannot reach ${target.label}: ${method} ${url}: ${reasonOf(error)}`);
  }
}

/** OAuth client credentials with the browser scope only: what a browser-only team's key holds. */
async function signIn(target) {
  const answer = await exchange(target, 'POST', target.tokenUrl, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: target.clientId,
      client_secret: target.clientSecret,
      scope: 'sessions:browser',
    }),
  });
  if (answer.status !== 200 || typeof answer.body?.access_token !== 'string') {
    const error = typeof answer.body?.error === 'string' ? ` ${answer.body.error}` : '';
    throw new CannotCompare(`${target.label} refused the token request: ${answer.status}${error}`);
  }
  target.accessToken = answer.body.access_token;
}

const call = (target, method, path, body) =>
  exchange(target, method, `${target.apiUrl}${path}`, {
    headers: {
      authorization: `Bearer ${target.accessToken}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

function sessionRequest(target, card, run) {
  return {
    source: {
      type: 'card',
      number: card.number,
      expiry_month: 12,
      expiry_year: new Date().getFullYear() + 3,
    },
    amount: 1000,
    currency: 'GBP',
    ...(target.processingChannelId ? { processing_channel_id: target.processingChannelId } : {}),
    reference: `canary-${run}`,
    // No callback_url: `complete` would otherwise post the result to a merchant endpoint.
    completion: { type: 'non_hosted' },
    channel_data: BROWSER_DATA,
  };
}

/** Runs one step on both sides and prints how their answers differ; returns the answers. */
async function step(where, targets, send, report) {
  const [sandbox, simulator] = await Promise.all(targets.map(send));
  for (const difference of compareAnswers(sandbox, simulator)) {
    report(describeDifference(where, difference));
  }
  return [sandbox, simulator];
}

async function runCase({ name, card, completes }, targets, run, report) {
  const label = `${name} ${masked(card.number)}`;
  const created = await step(
    `${label} create`,
    targets,
    (target) => call(target, 'POST', '/sessions', sessionRequest(target, card, run)),
    report,
  );
  const ids = created.map((answer) => answer.body?.id);
  if (!ids.every((id) => typeof id === 'string')) {
    console.log(`canary: ${label}: create gave no session on both sides, later steps skipped`);
    return;
  }
  const sessionPath = (target) => `/sessions/${ids[targets.indexOf(target)]}`;
  await step(`${label} get`, targets, (target) => call(target, 'GET', sessionPath(target)), report);
  if (completes) {
    await step(
      `${label} complete`,
      targets,
      (target) => call(target, 'POST', `${sessionPath(target)}/complete`),
      report,
    );
  }
}

async function startSimulator() {
  if (!existsSync(SIMULATOR_BUNDLE)) {
    throw new CannotCompare(`${SIMULATOR_BUNDLE} is missing: run \`npm run build\` first`);
  }
  const port = await freePort();
  const app = startNodeApp('simulator', SIMULATOR_BUNDLE, {
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_FORMAT: 'json',
    SIMULATOR_CLIENT_ID: SIMULATOR_CLIENT.id,
    SIMULATOR_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
  });
  try {
    await app.ready;
  } catch (error) {
    throw new CannotCompare(`the simulator did not start: ${error.message}`);
  }
  return { app, url: `http://127.0.0.1:${port}` };
}

async function main(env, { build }) {
  if (!env.CHECKOUT_SANDBOX_CLIENT_ID || !env.CHECKOUT_SANDBOX_CLIENT_SECRET) {
    console.log(SKIPPED);
    return 0;
  }
  if (build) {
    const { status } = spawnSync(process.execPath, ['scripts/build-if-changed.mjs'], {
      stdio: 'inherit',
    });
    if (status !== 0) return 2;
  }
  const processingChannelId = env.CHECKOUT_SANDBOX_PROCESSING_CHANNEL_ID || undefined;
  const sandbox = {
    label: 'Checkout sandbox',
    apiUrl: (env.CHECKOUT_SANDBOX_API_URL || 'https://api.sandbox.checkout.com').replace(/\/$/, ''),
    tokenUrl: env.CHECKOUT_SANDBOX_TOKEN_URL || 'https://access.sandbox.checkout.com/connect/token',
    clientId: env.CHECKOUT_SANDBOX_CLIENT_ID,
    clientSecret: env.CHECKOUT_SANDBOX_CLIENT_SECRET,
    processingChannelId,
  };
  const cases = pickCards();
  let simulatorProcess;
  try {
    const started = await startSimulator();
    simulatorProcess = started.app;
    const simulator = {
      label: 'the simulator',
      apiUrl: started.url,
      tokenUrl: `${started.url}/connect/token`,
      clientId: SIMULATOR_CLIENT.id,
      clientSecret: SIMULATOR_CLIENT.secret,
      processingChannelId: processingChannelId ?? PLACEHOLDER_CHANNEL,
    };
    const targets = [sandbox, simulator];
    console.log(
      `canary: ${sandbox.apiUrl} vs the simulator: ` +
        cases.map(({ name, card }) => `${name} ${masked(card.number)}`).join(', '),
    );
    await Promise.all(targets.map(signIn));
    const run = Date.now().toString(36);
    let differences = 0;
    const report = (line) => {
      differences += 1;
      console.log(line);
    };
    for (const testCase of cases) await runCase(testCase, targets, run, report);
    console.log(`canary: ${differences} difference${differences === 1 ? '' : 's'}`);
    return differences === 0 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof CannotCompare)) throw error;
    console.error(`canary: ${error.message}`);
    return 2;
  } finally {
    await simulatorProcess?.stop();
  }
}

process.exitCode = await main(process.env, { build: process.argv.includes('--build') });
