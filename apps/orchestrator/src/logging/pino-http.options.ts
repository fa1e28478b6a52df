import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Options } from 'pino-http';
import type { LogLevel } from '../config/orchestrator.environment.js';

/** The field every line written while handling a request carries (the X-Request-Id). */
export const REQUEST_ID_KEY = 'request_id';

/**
 * Field names whose values are never logged, at the top level or up to three objects down:
 * credentials, and the card data Checkout's session requests carry (`source.number`, the
 * cryptogram of a result). `parameters`: a database error's bound values.
 */
const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api_key',
  'apiKey',
  'client_secret',
  'clientSecret',
  'access_token',
  'accessToken',
  'token',
  'session_secret',
  'sessionSecret',
  'checkout_session_secret',
  'secret',
  'signing_secret',
  'password',
  'number',
  'cvv',
  'cryptogram',
  'authentication_value',
  'cavv',
  'aav',
  'parameters',
];

export const REDACTED_PATHS = REDACTED_KEYS.flatMap((key) =>
  ['', '*.', '*.*.', '*.*.*.'].map((depth) =>
    /^[A-Za-z_$][\w$]*$/.test(key) ? `${depth}${key}` : `${depth.slice(0, -1)}["${key}"]`,
  ),
);

/** Route patterns of the requests in flight, stamped by a Fastify hook (the raw request has none). */
const ROUTES = new WeakMap<IncomingMessage, string>();

export function rememberRoute(request: IncomingMessage, route: string | undefined): void {
  if (route !== undefined) ROUTES.set(request, route);
}

/**
 * The access line: method, route pattern (never the path itself: ids, callback tokens and query
 * values stay out), status and duration; the request id comes from the request logger.
 */
function accessLine(request: IncomingMessage, response: ServerResponse, durationMs: unknown) {
  return {
    method: request.method,
    route: ROUTES.get(request) ?? null,
    status: response.statusCode,
    duration_ms: durationMs,
  };
}

/** pino plus pino-http, as nestjs-pino builds them: one JSON line per entry, one per request. */
export function pinoHttpOptions(level: LogLevel): Options {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Fastify's genReqId already chose it (the caller's X-Request-Id or a UUID); middie copies it.
    genReqId: (request) => request.id ?? randomUUID(),
    customAttributeKeys: { reqId: REQUEST_ID_KEY, responseTime: 'duration_ms' },
    // Lines inside a request carry its id only, not the whole request (headers, URL).
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: (_request, response) =>
      response.writableEnded ? 'request completed' : 'request aborted',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (request, response, value: Record<string, unknown>) =>
      accessLine(request, response, value.duration_ms),
    customErrorObject: (request, response, _error, value: Record<string, unknown>) =>
      accessLine(request, response, value.duration_ms),
  };
}
