import type { AdyenCallObserver } from './adyen-call.observer.js';

/**
 * What the Adyen client needs; the app builds it from its own config (libs read no env,
 * docs/adyen-adapter.md#5-configuration). An abstract class so it doubles as the DI token.
 */
export abstract class AdyenClientOptions {
  /** Checkout API base with its version, e.g. https://checkout-test.adyen.com/v71 (ADYEN_API_URL). */
  abstract readonly apiUrl: string;
  /**
   * Payment API base with its version, e.g. https://pal-test.adyen.com/pal/servlet/Payment/v68
   * (ADYEN_PAYMENT_API_URL).
   */
  abstract readonly paymentApiUrl: string;
  /** e.g. https://checkoutshopper-test.adyen.com/checkoutshopper (ADYEN_CHECKOUTSHOPPER_URL). */
  abstract readonly checkoutShopperUrl: string;
  /** Sent as `X-API-Key` to the Checkout and Payment APIs, never to checkoutshopper. */
  abstract readonly apiKey: string;
  /** The client key checkoutshopper is called with (`?token=`). */
  abstract readonly clientKey: string;
  /** Named in every request: the client fills it in, so callers cannot send another. */
  abstract readonly merchantAccount: string;
  abstract readonly timeouts: {
    /** `retrieve3ds2Result` (ADYEN_TIMEOUT_MS). */
    readonly readMs: number;
    /**
     * `/payments`, `/payments/details` and the fingerprint, answered only once the directory
     * server or the issuer has (ADYEN_AUTHENTICATION_TIMEOUT_MS).
     */
    readonly authenticationMs: number;
  };
  /** Told about every exchange (the app's metrics); optional. */
  readonly observer?: AdyenCallObserver;
}
