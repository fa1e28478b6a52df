// npm run demo:cli: the README walk-through, scripted, against a running `npm start`.
// A frictionless authentication (create, the 3DS Method run as a browser runs it, channel
// data) and a challenge answered with the sandbox password by posting the ACS's forms as a
// browser would; then each one's state timeline and its result in every format.
// Exits 1 when anything differs from what the test cards promise.
// Usage: npm run demo:cli   [DEMO_ORCHESTRATOR_URL=http://127.0.0.1:3000] [DEMO_API_KEY=…]
//        [DEMO_TIMEOUT_MS=30000: how long to wait for Checkout to confirm `complete`]

const BASE_URL = (process.env.DEMO_ORCHESTRATOR_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const API_KEY = process.env.DEMO_API_KEY ?? 'demo-team-api-key-0001';
const TIMEOUT_MS = Number(process.env.DEMO_TIMEOUT_MS ?? 30_000);
const FORMATS = ['generic', 'checkout', 'stripe', 'adyen'];
/** The sandbox ACS's challenge password (docs/checkout-sessions.md#test-cards). */
const CHALLENGE_PASSWORD = 'Checkout1!';
const EXPIRY = { expiry_month: 12, expiry_year: new Date().getFullYear() + 3 };
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
  user_agent: 'Mozilla/5.0 (demo:cli)',
  ip_address: '203.0.113.10',
};

class DemoFailure extends Error {}

const run = Date.now().toString(36).toUpperCase();
const masked = (number) => `${number.slice(0, 6)}…${number.slice(-4)}`;
const stateOf = (authentication) =>
  [
    `state ${authentication.state}`,
    authentication.outcome && `outcome ${authentication.outcome}`,
    authentication.guidance && `guidance ${authentication.guidance}`,
    authentication.next_action && `next ${authentication.next_action.type}`,
  ]
    .filter(Boolean)
    .join(', ');
const step = (what, authentication) =>
  console.log(`  ${what.padEnd(52)} ${authentication ? stateOf(authentication) : ''}`);

function expect(condition, message) {
  if (!condition) throw new DemoFailure(message);
}

/** One call to the orchestrator's API with the team's key; a non-2xx answer ends the demo. */
async function api(method, path, body, headers = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${API_KEY}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new DemoFailure(`${method} ${path} → ${response.status} ${JSON.stringify(answer)}`);
  }
  return answer;
}

/** Submits a form as a browser does (urlencoded POST) and returns the page it gets back. */
async function postForm(url, fields) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  const page = await response.text();
  expect(response.ok, `POST ${url} → ${response.status}: ${page.slice(0, 200)}`);
  return page;
}

const HTML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const unescapeHtml = (text) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => HTML_ENTITIES[name]);

/** A page's form, as a browser would submit it: its action and its hidden fields. */
function formOf(page) {
  const action = /<form\b[^>]*\baction="([^"]*)"/i.exec(page)?.[1];
  expect(action, `no form in the page: ${page.slice(0, 200)}`);
  const fields = {};
  for (const [input] of page.matchAll(/<input\b[^>]*>/gi)) {
    const attribute = (name) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(input)?.[1];
    const name = attribute('name');
    if (attribute('type') === 'hidden' && name) {
      fields[unescapeHtml(name)] = unescapeHtml(attribute('value') ?? '');
    }
  }
  return { action: unescapeHtml(action), fields };
}

function create(reference, number, extra = {}) {
  return api(
    'POST',
    '/v1/authentications',
    {
      source: { type: 'card', number, ...EXPIRY },
      amount: 6540,
      currency: 'EUR',
      channel: 'browser',
      reference,
      ...extra,
    },
    { 'idempotency-key': `demo-cli-${reference}` },
  );
}

/** Waits for Checkout to confirm `complete` (its callback reached us): the timeline's last move. */
async function completed(id) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const authentication = await api('GET', `/v1/authentications/${id}`);
    if (['completed', 'closed'].includes(authentication.state)) return authentication;
    expect(Date.now() < deadline, `${id} still ${authentication.state} after ${TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function frictionless() {
  const number = '4485040371536584';
  console.log(`\n== Frictionless: Visa ${masked(number)} (3DS2, transStatus Y)`);
  let authentication = await create(`DEMO-${run}-F`, number);
  const id = authentication.id;
  step('POST /v1/authentications', authentication);
  const method = authentication.next_action;
  expect(method?.type === 'three_ds_method', 'expected the 3DS Method as the next action');

  // The hidden iframe: post threeDSMethodData to the issuer's page, which posts back to us.
  const issuerPage = await postForm(method.method_url, {
    threeDSMethodData: method.three_ds_method_data,
  });
  const notification = formOf(issuerPage);
  await postForm(notification.action, notification.fields);
  authentication = await api('GET', `/v1/authentications/${id}`);
  if (authentication.state === 'awaiting_issuer_fingerprint') {
    // The notification could not report it (see the timeline): the merchant page reports it.
    authentication = await api('POST', `/v1/authentications/${id}/issuer-fingerprint`, {
      completion: 'Y',
    });
  }
  step('3DS Method: issuer page → /notifications/3ds-method', authentication);
  expect(authentication.state === 'awaiting_channel_data', 'the 3DS Method was not reported');

  authentication = await api('POST', `/v1/authentications/${id}/channel-data`, {
    channel_data: BROWSER_DATA,
  });
  step('POST …/channel-data', authentication);
  expect(authentication.outcome === 'authenticated', 'expected a frictionless Y');
  return finish(id);
}

async function challenge() {
  const number = '4242424242424242';
  console.log(`\n== Challenge: Visa ${masked(number)} (password ${CHALLENGE_PASSWORD})`);
  let authentication = await create(`DEMO-${run}-C`, number, { channel_data: BROWSER_DATA });
  const id = authentication.id;
  step('POST /v1/authentications', authentication);
  const next = authentication.next_action;
  expect(next?.type === 'challenge', 'expected a challenge as the next action');

  // The challenge iframe: the CReq goes to the ACS, which answers with its password page.
  const passwordForm = formOf(await postForm(next.acs_url, { creq: next.creq }));
  step('ACS: CReq posted, password page shown');
  // The cardholder types the password and presses Continue (#txtButton, name=action).
  const cresPage = await postForm(passwordForm.action, {
    ...passwordForm.fields,
    password: CHALLENGE_PASSWORD,
    action: 'submit',
  });
  // The ACS's answer auto-posts the CRes to our challenge notification URL.
  const notification = formOf(cresPage);
  await postForm(notification.action, notification.fields);
  authentication = await api('GET', `/v1/authentications/${id}`);
  step('ACS: password sent, CRes → /notifications/challenge', authentication);
  return finish(id);
}

async function finish(id) {
  const authentication = await completed(id);
  step('Checkout confirmed complete (callback received)', authentication);
  expect(
    authentication.outcome === 'authenticated',
    `expected authenticated, got ${authentication.outcome}`,
  );

  const { data: events } = await api('GET', `/v1/authentications/${id}/events`);
  console.log(`\n  Timeline (GET /v1/authentications/${id}/events)`);
  const rows = events.map((event) => [
    event.at.slice(11, 23),
    event.event,
    event.to_state ? `${event.from_state ?? '·'} → ${event.to_state}` : '',
    event.source,
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    console.log(`    ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`);
  }
  for (const format of FORMATS) {
    const result = await api('GET', `/v1/authentications/${id}/result?format=${format}`);
    console.log(`\n  Result, format=${format}`);
    console.log(JSON.stringify(result, null, 2).replace(/^/gm, '    '));
  }
}

try {
  console.log(`Orchestrator: ${BASE_URL}`);
  await frictionless();
  await challenge();
  console.log('\nBoth authentications completed.');
} catch (error) {
  if (error instanceof DemoFailure) {
    console.error(`\ndemo:cli failed: ${error.message}`);
  } else if (error instanceof TypeError && error.message === 'fetch failed') {
    console.error(
      `\nCannot reach ${BASE_URL} (${error.cause?.code ?? error.cause}): is \`npm start\` running?`,
    );
  } else {
    throw error;
  }
  process.exitCode = 1;
}
