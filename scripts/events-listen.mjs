// npm run events:listen -- --forward http://localhost:4000/events
// Registers a temporary team endpoint pointing at a listener on this machine, prints each team
// event as it arrives, forwards it unchanged (body and webhook-* headers, so the target verifies
// the orchestrator's own signature with the secret printed at start), and removes the endpoint
// on exit. The orchestrator must accept http and private targets:
// TEAM_EVENTS_ALLOW_PRIVATE_TARGETS=true, as config/development.env (npm start) sets it.
//
// Environment: THREEDS_ORCHESTRATOR_URL (default http://127.0.0.1:3000), THREEDS_API_KEY (the
// team's key; not a flag, so it stays out of `ps` and shell history).
// Flags: --forward <url> (optional: print only), --port <n> (listener port, default any free
// one), --host <name> (how the orchestrator reaches this machine, default 127.0.0.1),
// --secret-file <path> (write the signing secret there, mode 600, instead of printing it).
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

const SIGNATURE_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'];
const FORWARD_TIMEOUT_MS = 10_000;

const { values: flags } = parseArgs({
  options: {
    forward: { type: 'string' },
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'secret-file': { type: 'string' },
  },
});
const orchestratorUrl = process.env.THREEDS_ORCHESTRATOR_URL ?? 'http://127.0.0.1:3000';
const apiKey = process.env.THREEDS_API_KEY;
if (!apiKey) fail('THREEDS_API_KEY is not set (the team API key the events belong to).');

function fail(message) {
  console.error(message);
  process.exit(1);
}

async function orchestrator(method, path, body) {
  const response = await fetch(`${orchestratorUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new Error(
      `${method} ${path}: ${response.status} ${error.code ?? ''} ${error.message ?? ''}`,
    );
  }
  return json;
}

/** Verifies, prints, forwards; answers the orchestrator as the forward target answered. */
async function receive(request, response, webhook) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  const headers = Object.fromEntries(
    SIGNATURE_HEADERS.map((name) => [name, request.headers[name]]),
  );
  let event;
  try {
    event = webhook.verify(rawBody, headers);
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    console.log(`refused a request that is not a signed team event: ${error.message}`);
    return response.writeHead(400).end();
  }
  const at = new Date().toISOString();
  console.log(
    `${at}  ${event.type}  ${event.data?.authentication_id ?? '-'}  ${headers['webhook-id']}`,
  );
  if (!flags.forward) return response.writeHead(204).end();

  const status = await forward(rawBody, headers);
  console.log(`  → ${flags.forward} ${status ?? 'unreachable'}`);
  // Not 2xx: the orchestrator retries, as it would for the target itself.
  response.writeHead(status && status < 300 ? 204 : 502).end();
}

async function forward(rawBody, headers) {
  try {
    const answer = await fetch(flags.forward, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: rawBody,
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
    return answer.status;
  } catch {
    return undefined;
  }
}

const holder = { webhook: undefined };
const server = createServer((request, response) => {
  if (request.method !== 'POST' || !holder.webhook) return response.writeHead(404).end();
  receive(request, response, holder.webhook).catch((error) => {
    console.error(`could not handle an event: ${error.message}`);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
await new Promise((ready) => server.listen(Number(flags.port), flags.host, ready));
const listenerUrl = `http://${flags.host}:${server.address().port}/`;

let endpoint;
try {
  endpoint = await orchestrator('POST', '/v1/webhook-endpoints', {
    url: listenerUrl,
    description: 'npm run events:listen (temporary)',
    redeliver_dead_events: false,
  });
} catch (error) {
  server.close();
  fail(
    `${error.message}\nThe listener needs an orchestrator that accepts private http targets: ` +
      'TEAM_EVENTS_ALLOW_PRIVATE_TARGETS=true (config/development.env; refused in production).',
  );
}
holder.webhook = new Webhook(endpoint.secret);
console.log(`Ready. Endpoint ${endpoint.id} → ${listenerUrl}`);
// The forward target verifies with it. Shown once, as `stripe listen` does; a file keeps it out
// of logs when the output is kept (CI, scripts).
if (flags['secret-file']) {
  writeFileSync(flags['secret-file'], `${endpoint.secret}\n`, { mode: 0o600 });
  console.log(`Signing secret written to ${flags['secret-file']}`);
} else {
  console.log(`Signing secret: ${endpoint.secret}`);
}
if (flags.forward) console.log(`Forwarding to ${flags.forward}, signature headers unchanged.`);

async function removeEndpointAndExit(signal) {
  console.log(`${signal}: removing endpoint ${endpoint.id}`);
  server.close();
  try {
    await orchestrator('DELETE', `/v1/webhook-endpoints/${endpoint.id}`);
    console.log(`Removed endpoint ${endpoint.id}.`);
    process.exit(0);
  } catch (error) {
    fail(`Could not remove endpoint ${endpoint.id}: ${error.message}`);
  }
}
process.once('SIGINT', () => void removeEndpointAndExit('SIGINT'));
process.once('SIGTERM', () => void removeEndpointAndExit('SIGTERM'));
