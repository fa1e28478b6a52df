import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { CheckoutEnvironment, HTTP_URL } from './checkout.environment.js';

/** One or two hex keys, comma-separated: the Customer Area shows an HMAC key as hex digits. */
const HMAC_KEY_LIST = /^(?:[0-9A-Fa-f]{2})+(,(?:[0-9A-Fa-f]{2})+)?$/;

/**
 * The orchestrator's Adyen account (docs/adyen-adapter.md#5-configuration): standalone
 * authentication behind the provider port. Without ADYEN_API_KEY Adyen is not configured: its
 * adapter is registered with no channel, so routing never picks it. A base of
 * OrchestratorEnvironment, kept apart so each file stays readable.
 */
export class AdyenEnvironment extends CheckoutEnvironment {
  /**
   * Checkout API base with its version: `https://checkout-test.adyen.com/v71`,
   * `https://{PREFIX}-checkout-live.adyenpayments.com/checkout/v71`, or the Adyen simulator's
   * `/v71`.
   */
  @IsUrl(HTTP_URL)
  ADYEN_API_URL: string = 'https://checkout-test.adyen.com/v71';

  /**
   * Payment API base with its version (`retrieve3ds2Result`):
   * `https://pal-test.adyen.com/pal/servlet/Payment/v68`, the `{PREFIX}-pal-live` one, or the
   * Adyen simulator's.
   */
  @IsUrl(HTTP_URL)
  ADYEN_PAYMENT_API_URL: string = 'https://pal-test.adyen.com/pal/servlet/Payment/v68';

  /**
   * Where the 3DS Method's result is submitted: `https://checkoutshopper-test.adyen.com/checkoutshopper`,
   * `https://checkoutshopper-live.adyen.com/checkoutshopper`, or the Adyen simulator's.
   */
  @IsUrl(HTTP_URL)
  ADYEN_CHECKOUTSHOPPER_URL: string = 'https://checkoutshopper-test.adyen.com/checkoutshopper';

  /**
   * `X-API-Key` of a web service user with the Checkout webservice role; unset: Adyen is not
   * configured, and THREEDS_PROVIDER or a routing policy naming `adyen` stops start-up.
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  ADYEN_API_KEY?: string;

  /** The merchant account every request names; required with ADYEN_API_KEY. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  ADYEN_MERCHANT_ACCOUNT?: string;

  /** The client key (`test_…` or `live_…`) checkoutshopper is called with; required with ADYEN_API_KEY. */
  @IsOptional()
  @Matches(/^(test|live)_[A-Za-z0-9]+$/, {
    message: 'ADYEN_CLIENT_KEY must be test_ or live_ followed by letters or digits',
  })
  ADYEN_CLIENT_KEY?: string;

  /**
   * The webhooks' HMAC keys, hex, comma-separated: one, or two while a key is rotated. Unset:
   * every Adyen webhook is refused. Production requires them once Adyen is configured.
   */
  @IsOptional()
  @Matches(HMAC_KEY_LIST, {
    message:
      'ADYEN_HMAC_KEYS must be one or two hex keys (an even number of digits), comma-separated',
  })
  ADYEN_HMAC_KEYS?: string;

  /** The Basic auth user name set for our webhook endpoint in Adyen's Customer Area. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  ADYEN_WEBHOOK_USERNAME?: string;

  /** Its password. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  ADYEN_WEBHOOK_PASSWORD?: string;

  /** Deadline of reads (`retrieve3ds2Result`). */
  @IsInt()
  @Min(100)
  ADYEN_TIMEOUT_MS: number = 10_000;

  /**
   * Deadline of `/payments`, `/payments/details` and the fingerprint, which Adyen answers only
   * once the directory server or the issuer has.
   */
  @IsInt()
  @Min(100)
  ADYEN_AUTHENTICATION_TIMEOUT_MS: number = 15_000;

  /**
   * How long a pending Adyen authentication is taken to live: Adyen publishes no lifetime, and
   * has no read of a pending authentication, so past this it is taken as expired.
   */
  @IsInt()
  @Min(60)
  @Max(86_400)
  ADYEN_AUTHENTICATION_LIFETIME_SECONDS: number = 900;

  /**
   * Production only: hosts (`host` or `host:port`, comma-separated) that the three ADYEN_*_URL
   * settings may name although they are not Adyen's (a simulator, an egress proxy).
   */
  @IsOptional()
  @Matches(/^[\w.[\]:-]+(,[\w.[\]:-]+)*$/, {
    message: 'NON_ADYEN_UPSTREAM_HOSTS must be host or host:port names, comma-separated',
  })
  NON_ADYEN_UPSTREAM_HOSTS?: string;
}
