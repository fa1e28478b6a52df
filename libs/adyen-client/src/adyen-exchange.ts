import { parseRetryAfter } from '@app/common';
import {
  type DomainError,
  UpstreamBusyError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from '@app/domain';
import { Logger } from '@nestjs/common';
import type {
  AdyenCallObserver,
  AdyenExchangeFailure,
  AdyenOperation,
} from './adyen-call.observer.js';

/** What the errors this client throws name as the provider. */
const PROVIDER = 'Adyen';

export interface AdyenExchangeRequest {
  readonly operation: AdyenOperation;
  /** Carries checkoutshopper's client key in its query: never logged. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The call's deadline (`AbortSignal.timeout`); it covers reading the answer too. */
  readonly deadline: AbortSignal;
  /**
   * The call may change Adyen's state (`/payments`, `/payments/details`, the fingerprint): when
   * its answer is lost after it was sent, it may have taken effect (maybe processed).
   */
  readonly write: boolean;
  /** An answer of another shape is treated as unreadable; any JSON object when absent. */
  readonly readable?: (body: Readonly<Record<string, unknown>>) => boolean;
  readonly observer?: AdyenCallObserver;
}

export interface AdyenAnswer {
  readonly status: number;
  /** The body as Adyen sent it, known to be a JSON object. */
  readonly text: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * Errors met while connecting, before any byte of the request left: nothing can have been
 * processed. Every other transport error may follow a request Adyen received.
 */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** One line per exchange; inside a request, the app's logger adds the request id. */
const logger = new Logger('AdyenClient');

/**
 * One POST to Adyen within the caller's deadline, on fetch's keep-alive dispatcher. A 2xx with a
 * JSON object comes back; anything else throws the Upstream* error that
 * docs/adyen-adapter.md#failures classifies. Logged: operation, status, duration, and Adyen's
 * `pspReference` and `errorCode`; never the URL, headers or bodies (card number, `paymentData`,
 * tokens, keys).
 */
export async function exchange(request: AdyenExchangeRequest): Promise<AdyenAnswer> {
  const startedAt = performance.now();
  const received = await send(request, startedAt);
  const body = jsonObjectOf(received.text);
  const ok = received.status >= 200 && received.status < 300;
  const unreadable = ok && !(body && (request.readable?.(body) ?? true));
  logAnswer(request.operation, received.status, startedAt, body, unreadable);
  observe(request, startedAt, received.status, unreadable ? 'malformed_response' : undefined);
  if (unreadable) {
    throw new UpstreamUnavailableError(
      request.operation,
      body ? 'unexpected response body' : 'unparsable response body',
      undefined,
      request.write,
      PROVIDER,
    );
  }
  if (!ok) throw refusalOf(request, received, body ?? {});
  return { status: received.status, text: received.text, body: body! };
}

interface Received {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly text: string;
}

/** The answer's status and body, or UpstreamUnavailableError when none came back in time. */
async function send(request: AdyenExchangeRequest, startedAt: number): Promise<Received> {
  let status: number | undefined;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: request.deadline,
      // Adyen answers without redirects; following one would carry the API key to another host.
      redirect: 'manual',
    });
    status = response.status;
    return {
      status,
      retryAfter: response.headers.get('retry-after'),
      text: await response.text(),
    };
  } catch (error) {
    const lost = lostExchangeOf(error, request.deadline, status !== undefined);
    logger.warn({
      msg: 'adyen call failed',
      operation: request.operation,
      error: lost.reason,
      status,
      duration_ms: Math.round(performance.now() - startedAt),
    });
    observe(request, startedAt, status, lost.failure);
    throw new UpstreamUnavailableError(
      request.operation,
      lost.reason,
      undefined,
      request.write && lost.maybeSent,
      PROVIDER,
    );
  }
}

interface LostExchange {
  readonly failure: AdyenExchangeFailure;
  readonly reason: string;
  readonly maybeSent: boolean;
}

function lostExchangeOf(error: unknown, deadline: AbortSignal, answered: boolean): LostExchange {
  // The deadline may pass before the connection was made, but that cannot be told apart here:
  // a write timed out is taken as possibly processed.
  if (deadline.aborted) return { failure: 'timeout', reason: 'deadline passed', maybeSent: true };
  const code = transportCodeOf(error);
  return { failure: 'network', reason: code, maybeSent: answered || !NOT_SENT.has(code) };
}

/**
 * fetch rejects with `TypeError: fetch failed` whose cause (or, for several addresses, each of
 * the cause's `errors`) carries the code. Read by shape: the error may come from another realm.
 */
function transportCodeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; errors?: unknown } } | undefined)?.cause;
  const others: unknown[] = Array.isArray(cause?.errors) ? cause.errors : [];
  const candidates: unknown[] = [cause, ...others];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') return code;
  }
  return 'network_error';
}

/**
 * A non-2xx answer as our error, by docs/adyen-adapter.md#failures: 429 busy; 401, 403 and 404
 * unavailable, nothing processed: our API key, merchant account or base URL is wrong, so every
 * call fails whatever it asks, and a team must never be told its request was bad (Adyen answers
 * an unknown authentication with 422, never 404); other 4xx refused with Adyen's
 * `ServiceError.errorType` and `errorCode` (docs/adyen-authentication.md#errors); 5xx or
 * anything else, unavailable.
 */
const OUR_CONFIGURATION_STATUSES = [401, 403, 404];

function refusalOf(
  request: AdyenExchangeRequest,
  received: Received,
  body: Readonly<Record<string, unknown>>,
): DomainError {
  const { operation } = request;
  const { status } = received;
  if (status === 429) {
    const retryAfter = parseRetryAfter(received.retryAfter ?? undefined, Date.now());
    return new UpstreamBusyError(operation, status, retryAfter, undefined, PROVIDER);
  }
  if (OUR_CONFIGURATION_STATUSES.includes(status)) {
    const errorCode = stringField(body, 'errorCode');
    const reason = `HTTP ${status}${errorCode === undefined ? '' : ` ${errorCode}`}`;
    return new UpstreamUnavailableError(operation, reason, undefined, false, PROVIDER);
  }
  if (status >= 400 && status < 500) {
    const errorType = stringField(body, 'errorType') ?? 'unknown';
    const errorCode = stringField(body, 'errorCode');
    const codes = errorCode === undefined ? [] : [errorCode];
    return new UpstreamRejectedRequestError(
      operation,
      status,
      errorType,
      codes,
      undefined,
      PROVIDER,
    );
  }
  return new UpstreamUnavailableError(
    operation,
    `HTTP ${status}`,
    undefined,
    request.write,
    PROVIDER,
  );
}

function logAnswer(
  operation: AdyenOperation,
  status: number,
  startedAt: number,
  body: Readonly<Record<string, unknown>> | undefined,
  unreadable: boolean,
): void {
  const line = {
    msg: 'adyen call',
    operation,
    status,
    duration_ms: Math.round(performance.now() - startedAt),
    psp_reference: body && stringField(body, 'pspReference'),
    error_code: body && stringField(body, 'errorCode'),
    ...(unreadable ? { failure: 'malformed_response' } : {}),
  };
  // Our key or merchant account, not the request: every call fails until someone fixes it.
  if (status === 401 || status === 403) logger.error(line);
  else if (status >= 400 || unreadable) logger.warn(line);
  else logger.log(line);
}

function observe(
  request: AdyenExchangeRequest,
  startedAt: number,
  status: number | undefined,
  failure: AdyenExchangeFailure | undefined,
): void {
  request.observer?.exchangeFinished({
    operation: request.operation,
    seconds: (performance.now() - startedAt) / 1000,
    ...(status === undefined ? {} : { status }),
    ...(failure ? { failure } : {}),
  });
}

function jsonObjectOf(text: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const stringField = (body: Readonly<Record<string, unknown>>, key: string): string | undefined =>
  typeof body[key] === 'string' ? body[key] : undefined;
