import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Options } from 'pino-http';
import type { LogLevel } from '../config/orchestrator.environment.js';
import { redactFields } from './redaction.js';

/** The field every line written while handling a request carries (the X-Request-Id). */
export const REQUEST_ID_KEY = 'request_id';

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
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactFields(object),
    },
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
