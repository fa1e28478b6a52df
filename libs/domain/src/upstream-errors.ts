import { DomainError } from './errors.js';

// Failures on the way to a provider (Checkout unless a client names another); the API answers
// them 502, 503, 422 and 504.

/**
 * The provider a message names when its client does not say: Checkout's client came first and
 * names none. `requestId` (details `cko_request_id`) is Checkout's `Cko-Request-Id`; other
 * providers' clients leave it out.
 */
const DEFAULT_PROVIDER = 'Checkout';

/** The provider could not be reached or failed (timeout, network, 5xx): safe to retry later. */
export class UpstreamUnavailableError extends DomainError {
  readonly code = 'UPSTREAM_UNAVAILABLE';

  constructor(
    operation: string,
    reason: string,
    readonly requestId?: string,
    /** The request may have reached the provider (timeout, reset): a POST may have taken effect. */
    readonly maybeProcessed = false,
    provider = DEFAULT_PROVIDER,
  ) {
    super(`${provider} ${operation} failed: ${reason}`, {
      operation,
      reason,
      cko_request_id: requestId,
    });
  }
}

/**
 * The provider said "not now" (429; Checkout's 503 too): nothing was done, and it may say when to
 * come back (`Retry-After`). Callers get 503 with the same advice.
 */
export class UpstreamBusyError extends DomainError {
  readonly code = 'UPSTREAM_BUSY';

  constructor(
    operation: string,
    readonly status: number,
    /** The provider's `Retry-After`, in seconds, when it sent one. */
    readonly retryAfterSeconds: number | undefined,
    readonly requestId?: string,
    provider = DEFAULT_PROVIDER,
  ) {
    super(`${provider} is busy (${operation}: HTTP ${status}); retry later`, {
      operation,
      status,
      retry_after_seconds: retryAfterSeconds,
      cko_request_id: requestId,
    });
  }
}

/**
 * The provider refused the request: a 4xx with Checkout's `error_type` / `error_codes`, or
 * Adyen's `errorType` / `errorCode`.
 */
export class UpstreamRejectedRequestError extends DomainError {
  readonly code = 'UPSTREAM_REJECTED_REQUEST';

  constructor(
    operation: string,
    readonly status: number,
    readonly errorType: string,
    readonly errorCodes: readonly string[],
    readonly requestId?: string,
    provider = DEFAULT_PROVIDER,
  ) {
    super(`${provider} refused ${operation}: ${errorType} ${errorCodes.join(', ')}`.trim(), {
      operation,
      status,
      error_type: errorType,
      error_codes: errorCodes,
      cko_request_id: requestId,
    });
  }
}

/**
 * The provider's create (Checkout's POST /sessions, Adyen's /payments) got no answer: it may or
 * may not have started the authentication. The message names no provider: a replay of the
 * stored answer knows only the authentication.
 */
export class UpstreamOutcomeUnknownError extends DomainError {
  readonly code = 'UPSTREAM_OUTCOME_UNKNOWN';

  constructor(authenticationId: string) {
    super(
      'The provider did not answer the request that starts this authentication in time; its outcome is unknown',
      {
        authentication_id: authenticationId,
      },
    );
  }
}

/**
 * The provider failed repeatedly and its circuit breaker is open (docs/circuit-breaker.md):
 * the call was not sent. Callers get 503 with `Retry-After`; jobs retry as for an outage.
 */
export class ProviderCircuitOpenError extends DomainError {
  readonly code = 'PROVIDER_CIRCUIT_OPEN';

  constructor(
    readonly provider: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`Calls to ${provider} are paused after repeated failures; retry later`, {
      provider,
      retry_after_seconds: retryAfterSeconds,
    });
  }
}
