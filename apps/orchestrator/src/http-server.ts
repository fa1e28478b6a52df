import { RateLimitedError } from '@app/domain';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { httpConfig, type HttpConfig } from './config/http.config.js';
import type { SecurityConfig } from './config/security.config.js';
import { useRequestLogging } from './logging/logging.module.js';
import { configureOpenApi } from './openapi/openapi.js';
import { hashApiKey } from './security/api-keys.js';
import { TEAM_EVENT_WEBHOOKS } from './team-events/team-events.webhooks.js';
import { presentedKey } from './http/api-key.guard.js';
import { bodyLimitOf, MAX_BODY_BYTES } from './http/body-limits.js';
import type { ApiErrorCode } from './http/error-catalogue.js';
import { parseJsonBody, screenInput } from './http/input-screening.js';
import { requestIdFor } from './http/request-id.js';
import { ValidatedKeys } from './http/validated-keys.js';

/** Fastify as every orchestrator instance runs it (main.ts and the tests alike). */
export function createFastifyAdapter(options: { trustedProxyHops?: number } = {}): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    // The client address is the one this many proxies in front of us saw (X-Forwarded-For read
    // from the right); never the left-most entry, which the client writes itself.
    trustProxy: (_address: string, hop: number) => hop < (options.trustedProxyHops ?? 0),
    // A body trickled in slowly cannot hold a connection for ever.
    requestTimeout: 30_000,
    // A malformed URL or an over-long id is answered in our shape, without quoting the path.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      void reply
        .code(status)
        .header('x-request-id', request.id)
        .send({
          error: {
            code: (status === 414 ? 'URI_TOO_LONG' : 'MALFORMED_URL') satisfies ApiErrorCode,
            message: status === 414 ? 'A path segment is too long' : 'The URL is malformed',
            details: {},
            request_id: request.id,
          },
        });
    },
    genReqId: (request: IncomingMessage) => requestIdFor(request.headers['x-request-id']),
  });
}

/**
 * What guards every request before a controller runs: body size per route, a JSON parser that
 * refuses deep, malformed or prototype-poisoning bodies, control characters and card numbers
 * outside the card fields (Checkout's authenticated posts aside), rate limits, security
 * headers (`Cache-Control: no-store` unless a route sets its own), the request id echoed back,
 * and logging through pino with that id on every line.
 */
export async function configureHttpServer(
  app: NestFastifyApplication,
  security: SecurityConfig,
): Promise<void> {
  useRequestLogging(app);
  // Async: Nest completes a parser through its promise (or its `done`), not its return value.
  // Sender-checked routes get no parsed body: their handlers read the raw one, once trusted.
  app.useBodyParser(
    'application/json',
    { bodyLimit: MAX_BODY_BYTES },
    (request: FastifyRequest, body: Buffer) =>
      new Promise((resolve) =>
        resolve(SENDER_CHECKED_ROUTES.has(routeOf(request)) ? undefined : parseJsonBody(body)),
      ),
  );
  const fastify = app.getHttpAdapter().getInstance();
  // helmet's middlewares built once: @fastify/helmet builds a new one (options, CSP string) for
  // every request. Set on the raw response, as that plugin does, before the rate limit answers.
  const pageHeaders = helmet({
    // Pages that need more (the notification pages, the demo, /docs) set their own policy.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  const machineHeaders = helmet(MACHINE_ROUTE_HEADERS);
  fastify.addHook('onRequest', (request, reply, done) => {
    const machine = MACHINE_BUCKETS.has(bucketOf(routeOf(request)));
    const headers = machine ? machineHeaders : pageHeaders;
    headers(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  const perBucket = limitsPerBucket(security.rateLimits);
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    max: (request) => perBucket[bucketOf(routeOf(request))],
    allowList: (request) => bucketOf(routeOf(request)) === 'probe',
    cache: 100_000, // buckets held in memory (LRU): far above the callers one process sees
    // The limits sit far above normal traffic: the X-RateLimit-* headers come with a 429 (and
    // its Retry-After) only, not on every answer.
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(Math.ceil(context.ttl / 1000)),
  });
  // Each route's own body limit, enforced by Fastify's body reader (Content-Length first, then
  // the bytes as they come): no stream of ours per request. Routes are added at listen.
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    route.bodyLimit ??= Math.max(...methods.map((method) => bodyLimitOf(method, route.url)));
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    try {
      const route = routeOf(request);
      const nothing = { allowCardAt: () => false };
      screenInput(request.params, nothing, ['params']);
      screenInput(request.query, nothing, ['query']);
      if (!SENDER_CHECKED_ROUTES.has(route)) {
        screenInput(request.body, {
          allowCardAt: cardFieldsOf(request.method, route),
          allowLineBreaks: !route.startsWith('/v1'),
        });
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    // Answers carry authentication data (results with ECI and cryptogram, timelines, the
    // notification pages): no cache may keep them, unless a route declares its own policy.
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  if (app.get<HttpConfig>(httpConfig.KEY).apiDocs) configureOpenApi(app, TEAM_EVENT_WEBHOOKS);
}

const routeOf = (request: FastifyRequest): string => request.routeOptions.url ?? request.url;

/**
 * Buckets only programs call (teams' backends, Checkout's and Adyen's servers, probes, scrapers):
 * their JSON answers get the headers OWASP's REST Security Cheat Sheet lists for APIs, not the
 * ones that only matter to a browser rendering a page. Any other route, unknown paths included,
 * gets helmet's full set.
 */
const MACHINE_BUCKETS: ReadonlySet<RateBucket> = new Set([
  'api',
  'probe',
  'metrics',
  'checkout',
  'adyen',
]);

/** CSP `default-src 'none'; frame-ancestors 'none'`, HSTS, nosniff, X-Frame-Options DENY. */
const MACHINE_ROUTE_HEADERS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  xFrameOptions: { action: 'deny' },
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

/**
 * Routes whose sender the request itself authenticates: Checkout's signed webhooks (signature
 * over the raw body), Adyen's (Basic auth and each item's HMAC) and Checkout's callback (the
 * URL's token). Their bodies are read by the handler
 * once the sender is checked, and never refused for their content: Checkout would retry a
 * refused webhook for hours (docs/design.md#security).
 */
const SENDER_CHECKED_ROUTES: ReadonlySet<string> = new Set([
  '/webhooks/checkout',
  '/webhooks/adyen',
  '/callbacks/checkout/:id/:token',
]);

/** Routes whose body carries card data: the create, and a step-up (which resends the card). */
const CARD_ROUTES: ReadonlySet<string> = new Set([
  '/v1/authentications',
  '/v1/authentications/:id/step-up',
]);

/** Only the bodies that start an authentication carry card data, and only in their source. */
function cardFieldsOf(method: string, route: string): (path: string) => boolean {
  if (method !== 'POST' || !CARD_ROUTES.has(route)) return () => false;
  return (path) => path === 'source.number' || path === 'source.token';
}

/**
 * Which bucket a route's requests count against: the teams' API, the probes (never limited), the
 * metrics scraper, the pages cardholders' browsers land on, each provider's inbound posts, and
 * the rest of the site (the browser helper, the demo, /docs, unknown paths). One bucket per
 * caller within each. The bucket also picks the security headers.
 */
type RateBucket = 'api' | 'probe' | 'metrics' | 'browser' | 'checkout' | 'adyen' | 'site';

function bucketOf(route: string): RateBucket {
  if (route.startsWith('/v1/')) return 'api';
  if (route.startsWith('/health/')) return 'probe';
  if (route === '/metrics') return 'metrics';
  if (route.startsWith('/notifications/') || route.startsWith('/hosted/')) return 'browser';
  if (route.startsWith('/webhooks/adyen')) return 'adyen';
  if (route.startsWith('/callbacks/') || route.startsWith('/webhooks/')) return 'checkout';
  return 'site';
}

/** Far above any scraper (one scrape per 15 s); each scrape reads the queue tables. */
const METRICS_SCRAPES_PER_MINUTE = 120;

function limitsPerBucket(limits: SecurityConfig['rateLimits']): Record<RateBucket, number> {
  return {
    api: limits.apiPerMinute,
    probe: limits.apiPerMinute, // allow-listed: probes are never refused
    metrics: METRICS_SCRAPES_PER_MINUTE,
    browser: limits.browserPerMinute,
    checkout: limits.checkoutPerMinute,
    adyen: limits.adyenPerMinute,
    // Scripts and pages merchants' checkout pages load: many cardholders share an address.
    site: limits.apiPerMinute,
  };
}

/**
 * The caller within a bucket: a known API key on /v1 (teams share nothing), the client address
 * everywhere else, including /v1 requests whose key has not been validated yet.
 */
function rateLimitKey(request: FastifyRequest): string {
  const bucket = bucketOf(routeOf(request));
  if (bucket === 'api') {
    const key = presentedKey(request);
    const hash = key ? hashApiKey(key) : undefined;
    if (hash && ValidatedKeys.shared.has(hash)) return `api:key:${hash}`;
  }
  return `${bucket}:ip:${request.ip}`;
}
