/** The calls this client makes to Adyen: a closed set, safe to count by. */
export const ADYEN_OPERATIONS = [
  'create payment',
  'payment details',
  'fingerprint',
  'retrieve result',
] as const;
export type AdyenOperation = (typeof ADYEN_OPERATIONS)[number];

/** Why an exchange brought back nothing usable. */
export type AdyenExchangeFailure = 'timeout' | 'network' | 'malformed_response';

export interface AdyenExchangeObservation {
  readonly operation: AdyenOperation;
  /** From the request going out to the answer (or the failure). */
  readonly seconds: number;
  /** Adyen's HTTP status; absent when no answer came back. */
  readonly status?: number;
  /** Set when the exchange threw for want of a usable answer: none at all, or an unreadable one. */
  readonly failure?: AdyenExchangeFailure;
}

/**
 * Told about every HTTP exchange with Adyen, so the app can record `threeds_adyen_request_*`.
 * The client records nothing itself. Implementations must not throw.
 */
export interface AdyenCallObserver {
  exchangeFinished(observation: AdyenExchangeObservation): void;
}
