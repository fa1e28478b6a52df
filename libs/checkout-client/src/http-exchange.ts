import { parseRetryAfter } from '@app/common';
import type { HttpService } from '@nestjs/axios';
import { UpstreamUnavailableError } from '@app/domain';
import { Logger } from '@nestjs/common';
import { AxiosError, type AxiosRequestConfig } from 'axios';
import type {
  CheckoutCallObserver,
  CheckoutExchangeFailure,
  CheckoutOperation,
} from './checkout-call.observer.js';

export interface Exchange<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly requestId?: string;
  /** `Retry-After` in seconds (RFC 9110 §10.2.3: delay-seconds or an HTTP date). */
  readonly retryAfterSeconds?: number;
}

/** Codes after which the request may have reached Checkout (so a POST may have been processed). */
const MAYBE_PROCESSED = new Set([
  'ECONNABORTED',
  'ETIMEDOUT',
  'ECONNRESET',
  'ERR_BAD_RESPONSE',
  'EPIPE',
]);

/** How a failed exchange is reported: no answer in time, no answer at all, or an unreadable one. */
const failureOf = (code: string): CheckoutExchangeFailure =>
  code === 'ECONNABORTED' || code === 'ETIMEDOUT'
    ? 'timeout'
    : code === 'ERR_BAD_RESPONSE'
      ? 'malformed_response'
      : 'network';

/** One line per exchange; inside a request, the app's logger adds the request id. */
const logger = new Logger('CheckoutClient');

/**
 * One HTTP exchange with a hard deadline. Every status comes back as a value; only "no usable
 * answer" (timeout, network error, unparsable body) throws UpstreamUnavailableError.
 */
export async function exchange<T>(
  http: HttpService,
  operation: CheckoutOperation,
  config: AxiosRequestConfig & { timeout: number; observer?: CheckoutCallObserver },
): Promise<Exchange<T>> {
  const { observer, ...axiosConfig } = config;
  const startedAt = performance.now();
  const observe = (status: number | undefined, failure?: CheckoutExchangeFailure) =>
    observer?.exchangeFinished({
      operation,
      seconds: (performance.now() - startedAt) / 1000,
      ...(status === undefined ? {} : { status }),
      ...(failure ? { failure } : {}),
    });
  try {
    // The module's axios instance itself: HttpService's Observable cancels the request when it
    // is unsubscribed after the answer, building an AxiosError (and its stack) for every call.
    const response = await http.axiosRef.request<T>({
      ...axiosConfig,
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true },
    });
    const requestId = response.headers['cko-request-id'] as string | undefined;
    logger.log({
      msg: 'checkout call',
      operation,
      status: response.status,
      duration_ms: Math.round(performance.now() - startedAt),
      cko_request_id: requestId,
    });
    if (typeof response.data === 'string' && response.data.length > 0 && isJson(response)) {
      observe(response.status, 'malformed_response');
      throw new UpstreamUnavailableError(operation, 'unparsable response body', requestId, true);
    }
    observe(response.status);
    return {
      status: response.status,
      body: response.data,
      requestId,
      retryAfterSeconds: parseRetryAfter(response.headers['retry-after'], Date.now()),
    };
  } catch (error) {
    if (error instanceof UpstreamUnavailableError) throw error;
    const code = error instanceof AxiosError ? (error.code ?? 'network_error') : 'network_error';
    logger.warn({
      msg: 'checkout call failed',
      operation,
      error: code,
      duration_ms: Math.round(performance.now() - startedAt),
    });
    observe(error instanceof AxiosError ? error.response?.status : undefined, failureOf(code));
    throw new UpstreamUnavailableError(operation, code, undefined, MAYBE_PROCESSED.has(code));
  }
}

function isJson(response: { headers: Record<string, unknown> }): boolean {
  const type = response.headers['content-type'];
  return typeof type === 'string' && type.includes('json');
}

/** 429 and 503 mean "not taken on, come back later"; every other 5xx may follow a change made. */
export const isBusyStatus = (status: number): boolean => status === 429 || status === 503;
