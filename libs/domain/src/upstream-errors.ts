import { DomainError } from './errors.js';

// Failures on the way to Checkout; the API answers them 502, 503, 422 and 504.

/** Checkout could not be reached or failed (timeout, network, 5xx): safe to retry later. */
export class UpstreamUnavailableError extends DomainError {
  readonly code = 'UPSTREAM_UNAVAILABLE';

  constructor(
    operation: string,
    reason: string,
    readonly requestId?: string,
    /** The request may have reached Checkout (timeout, reset): a POST may have taken effect. */
    readonly maybeProcessed = false,
  ) {
    super(`Checkout ${operation} failed: ${reason}`, {
      operation,
      reason,
      cko_request_id: requestId,
    });
  }
}

/**
 * Checkout said "not now" (429, 503): nothing was done, and it may say when to come back
 * (`Retry-After`). Callers get 503 with the same advice.
 */
export class UpstreamBusyError extends DomainError {
  readonly code = 'UPSTREAM_BUSY';

  constructor(
    operation: string,
    readonly status: number,
    /** Checkout's `Retry-After`, in seconds, when it sent one. */
    readonly retryAfterSeconds: number | undefined,
    readonly requestId?: string,
  ) {
    super(`Checkout is busy (${operation}: HTTP ${status}); retry later`, {
      operation,
      status,
      retry_after_seconds: retryAfterSeconds,
      cko_request_id: requestId,
    });
  }
}

/** Checkout refused the request (4xx with `error_type` / `error_codes`). */
export class UpstreamRejectedRequestError extends DomainError {
  readonly code = 'UPSTREAM_REJECTED_REQUEST';

  constructor(
    operation: string,
    readonly status: number,
    readonly errorType: string,
    readonly errorCodes: readonly string[],
    readonly requestId?: string,
  ) {
    super(`Checkout refused ${operation}: ${errorType} ${errorCodes.join(', ')}`.trim(), {
      operation,
      status,
      error_type: errorType,
      error_codes: errorCodes,
      cko_request_id: requestId,
    });
  }
}

/** POST /sessions got no answer: Checkout may or may not have created the session. */
export class UpstreamOutcomeUnknownError extends DomainError {
  readonly code = 'UPSTREAM_OUTCOME_UNKNOWN';

  constructor(authenticationId: string) {
    super('Checkout did not answer the session request in time; its outcome is unknown', {
      authentication_id: authenticationId,
    });
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
