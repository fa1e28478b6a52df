import type {
  CheckoutChannelData,
  CheckoutCreateSessionRequest,
  CheckoutSession,
} from './checkout.wire.js';

export interface CreatedSession {
  /** 201: Checkout already authenticated (channel data came with the create); 202: more to do. */
  readonly status: 201 | 202;
  readonly session: CheckoutSession;
}

/**
 * The port to Checkout's standalone Sessions API. Failures are DomainErrors:
 * UpstreamUnavailableError (timeout, network, 5xx) or UpstreamRejectedRequestError (4xx).
 */
export abstract class CheckoutSessionsClient {
  /**
   * POST /sessions. Never retried: Checkout offers no idempotency for it
   * (docs/checkout-sessions.md#idempotency-and-concurrency).
   */
  abstract createSession(request: CheckoutCreateSessionRequest): Promise<CreatedSession>;
  /** GET /sessions/{id} with OAuth: the only read that returns `cryptogram` and `eci`. */
  abstract getSession(id: string): Promise<CheckoutSession>;
  /** PUT /sessions/{id}/collect-data: sends the AReq. */
  abstract collectChannelData(id: string, data: CheckoutChannelData): Promise<CheckoutSession>;
  /** PUT /sessions/{id}/issuer-fingerprint with the 3DS Method completion indicator. */
  abstract reportIssuerFingerprint(
    id: string,
    completion: 'Y' | 'N' | 'U',
  ): Promise<CheckoutSession>;
  /** POST /sessions/{id}/complete: Checkout then POSTs the result to the callback_url. */
  abstract completeSession(id: string): Promise<void>;
}
