/** The calls this client makes to Checkout: a closed set, safe to count by. */
export const CHECKOUT_OPERATIONS = [
  'token request',
  'create session',
  'get session',
  'collect data',
  'issuer fingerprint',
  'complete session',
] as const;
export type CheckoutOperation = (typeof CHECKOUT_OPERATIONS)[number];

/** Why an exchange brought back nothing usable. */
export type CheckoutExchangeFailure = 'timeout' | 'network' | 'malformed_response';

export interface CheckoutExchangeObservation {
  readonly operation: CheckoutOperation;
  /** From the request going out to the answer (or the failure). */
  readonly seconds: number;
  /** Checkout's HTTP status; absent when no answer came back. */
  readonly status?: number;
  /** Set when the exchange threw: no answer at all, or a body that could not be read. */
  readonly failure?: CheckoutExchangeFailure;
}

/**
 * Told about every HTTP exchange with Checkout (each retry and each 401 re-send apart) and every
 * token request. The client records nothing itself: the app decides what to measure, and how.
 * Implementations must not throw.
 */
export interface CheckoutCallObserver {
  exchangeFinished(observation: CheckoutExchangeObservation): void;
  tokenRequested(result: 'success' | 'failure'): void;
}
