// A payment team's backend for browser 3-D Secure, to copy: a checkout page using the
// orchestrator's browser helper, the API calls behind it (typed client, key kept here), the
// results in each PSP's format, and team events verified before they are trusted.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createApiClient } from '@threeds/api-client';
import { checkoutRoutes } from './checkout-routes.mjs';
import { TeamEvents } from './team-events.mjs';

const MAX_BODY_BYTES = 64 * 1024;

const config = {
  orchestratorUrl: process.env.THREEDS_ORCHESTRATOR_URL ?? 'http://127.0.0.1:3000',
  apiKey: process.env.THREEDS_API_KEY,
  eventsSecret: process.env.THREEDS_EVENTS_SECRET,
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 4000),
};
if (!config.apiKey) {
  console.error('THREEDS_API_KEY is not set (the team API key; it never leaves this server).');
  process.exit(1);
}

const api = createApiClient({ baseUrl: config.orchestratorUrl, apiKey: config.apiKey });
const routes = checkoutRoutes(api);
const teamEvents = new TeamEvents(config.eventsSecret);
const pages = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/checkout.js': { file: 'checkout.js', type: 'text/javascript; charset=utf-8' },
};

const server = createServer((request, response) => {
  handle(request, response).catch((error) => {
    console.error(`${request.method} ${request.url} failed: ${error.message}`);
    // fetch() rejects only when the orchestrator could not be reached at all.
    const unreachable = error instanceof TypeError;
    const code = unreachable ? 'ORCHESTRATOR_UNREACHABLE' : 'BAD_REQUEST';
    const body = { error: { code, message: error.message } };
    if (!response.headersSent) send(response, unreachable ? 502 : 400, body);
  });
});
server.listen(config.port, config.host, () => {
  console.log(`Merchant backend example listening on http://${config.host}:${config.port}`);
  console.log(`Orchestrator: ${config.orchestratorUrl}`);
  if (!config.eventsSecret)
    console.log('THREEDS_EVENTS_SECRET is not set: POST /events answers 503.');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.close(() => process.exit(0)));
}

async function handle(request, response) {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const page = pages[pathname];
  if (request.method === 'GET' && page) return servePage(response, page);

  if (request.method === 'POST' && pathname === '/events') {
    const answer = teamEvents.receive(await readBody(request), request.headers);
    return send(response, answer.status, answer.body);
  }
  if (request.method === 'GET' && pathname === '/api/events') {
    return send(response, 200, { data: teamEvents.verified });
  }

  const match = matchRoute(request.method, pathname);
  if (!match) return send(response, 404, { error: { code: 'NOT_FOUND', message: pathname } });
  const raw = request.method === 'POST' ? await readBody(request) : '';
  const body = raw ? JSON.parse(raw) : {};
  const { data, error, response: answer } = await match.route({ id: match.id, body, request });
  // The orchestrator's own status and error body, so the page can show what went wrong.
  return send(response, answer.status, error ?? data);
}

/** `METHOD /api/authentications/:id/tail` → the route and its id. */
function matchRoute(method, pathname) {
  const found = pathname.match(/^\/api\/authentications\/([^/]+)(\/[\w-]+)?$/);
  const key = found
    ? `${method} /api/authentications/:id${found[2] ?? ''}`
    : `${method} ${pathname}`;
  const route = routes[key];
  return route ? { route, id: found ? decodeURIComponent(found[1]) : undefined } : undefined;
}

async function servePage(response, { file, type }) {
  const text = await readFile(new URL(`./public/${file}`, import.meta.url), 'utf8');
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  // The page imports the helper from the orchestrator it talks to.
  response.end(text.replaceAll('__ORCHESTRATOR_URL__', config.orchestratorUrl));
}

function send(response, status, body) {
  if (body === undefined || status === 204) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The body exactly as sent: a signature is over these bytes, not over re-serialised JSON. */
async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
