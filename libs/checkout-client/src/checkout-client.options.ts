import type { CheckoutCallObserver } from './checkout-call.observer.js';

/**
 * What the Checkout client needs; the app builds it from its own config (libs read no env).
 * An abstract class so it doubles as the DI token.
 */
export abstract class CheckoutClientOptions {
  /** e.g. https://api.sandbox.checkout.com */
  abstract readonly apiUrl: string;
  /** e.g. https://access.sandbox.checkout.com/connect/token */
  abstract readonly tokenUrl: string;
  abstract readonly clientId: string;
  abstract readonly clientSecret: string;
  /**
   * One scope per enabled channel (sessionScopes), requested together: the channel is not always
   * known when a session starts (docs/checkout-sessions.md#scopes).
   */
  abstract readonly scopes: readonly string[];
  abstract readonly timeouts: {
    readonly tokenMs: number;
    /** GET: safe, retried. */
    readonly readMs: number;
    /** POST/PUT that Checkout answers without asking the issuer (`complete`, a bare create). */
    readonly writeMs: number;
    /**
     * Calls Checkout answers only once the directory server and issuer have (a create with
     * channel data, collect-data, issuer-fingerprint): longer, as in Checkout's own SDKs.
     */
    readonly authenticationMs: number;
  };
  /** Refresh a token this long before it expires (capped at half its lifetime). */
  abstract readonly tokenRefreshMarginMs: number;
  /** Told about every exchange and token request (the app's metrics); optional. */
  readonly observer?: CheckoutCallObserver;
  /** The id of the request being served, if any: sent along so both sides' logs can be joined. */
  readonly currentRequestId?: () => string | undefined;
}

/** `X-Request-Id` on a Checkout call made while serving a request; nothing otherwise. */
export function requestIdHeader(options: CheckoutClientOptions): Record<string, string> {
  const id = options.currentRequestId?.();
  return id ? { 'x-request-id': id } : {};
}
