// A payment team's backend for browser 3-D Secure, to copy: a checkout page using the
// orchestrator's browser helper, the API calls behind it (typed client, key kept here) for the
// browser's own order only, the result claimed for one payment and handed to the PSP, and team
// events verified before they are trusted.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createApiClient } from '@threeds/api-client';
import { checkoutRoutes, PSPS } from './checkout-routes.mjs';
import { TeamEvents } from './team-events.mjs';

const MAX_BODY_BYTES = 64 * 1024;

const config = {
  orchestratorUrl: process.env.THREEDS_ORCHESTRATOR_URL ?? 'http://127.0.0.1:3000',
  apiKey: process.env.THREEDS_API_KEY,
  psp: process.env.PSP ?? 'checkout',
  eventsSecret: process.env.THREEDS_EVENTS_SECRET,
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 4000),
};
if (!config.apiKey) {
  console.error('THREEDS_API_KEY is not set (the team API key; it never leaves this server).');
  process.exit(1);
}
if (!PSPS.includes(config.psp)) {
  console.error(`PSP must be one of ${PSPS.join(', ')}: the result format your PSP takes.`);
  process.exit(1);
}

const api = createApiClient({ baseUrl: config.orchestratorUrl, apiKey: config.apiKey });
const routes = checkoutRoutes(api, { psp: config.psp });
const teamEvents = new TeamEvents(config.eventsSecret);
/**
 * The orders this process created, by the random token in the browser's `order` cookie. In memory
 * for the sample: a real backend keeps its orders in its database, tied to the shopper's session.
 */
const orders = new Map();
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
  console.log(`Orchestrator: ${config.orchestratorUrl}; results claimed in ${config.psp} format`);
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
  const notFound = { error: { code: 'NOT_FOUND', message: pathname } };
  if (!match) return send(response, 404, notFound);
  // The browser names an authentication, but the team's key acts only on its own order's: any
  // other id (another order's, or one this server never created) is answered as if unknown.
  const order = orders.get(orderCookie(request));
  if (match.id !== undefined && match.id !== order?.authenticationId) {
    return send(response, 404, notFound);
  }
  const raw = request.method === 'POST' ? await readBody(request) : '';
  const body = raw ? JSON.parse(raw) : {};
  const answer = await match.route({ id: match.id, body, request, order });
  if (answer.order) remember(response, answer.order);
  // The orchestrator's own status and error body, so the page can show what went wrong.
  return send(response, answer.response.status, answer.error ?? answer.data);
}

/** Keeps a new order, under a token only this browser gets. */
function remember(response, order) {
  const token = randomBytes(24).toString('base64url');
  orders.set(token, order);
  // HttpOnly: no script on the page can read it; SameSite=Strict: no other site's page can make
  // the browser send it. Add `Secure` when served over https, as in production.
  response.setHeader('set-cookie', `order=${token}; Path=/api; HttpOnly; SameSite=Strict`);
}

/** The token of the browser's current order: one order at a time, the last one it started. */
function orderCookie(request) {
  return request.headers.cookie?.match(/(?:^|;\s*)order=([\w-]+)/)?.[1];
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
