import { PROVIDER_NAMES, type ProviderName } from '@app/domain';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Min,
} from 'class-validator';
import {
  CHANNEL_LIST,
  PROCESSING_CHANNEL_ID,
  TEAM_PROCESSING_CHANNEL_LIST,
} from './checkout-channels.js';
import { EffectsEnvironment } from './effects.environment.js';

/** A base URL setting: http or https, and a host without a TLD allowed (127.0.0.1, a container). */
export const HTTP_URL = {
  require_tld: false,
  require_protocol: true,
  protocols: ['http', 'https'],
};

/**
 * The orchestrator's 3DS provider and its Checkout account. A base of OrchestratorEnvironment,
 * kept apart so each file stays readable.
 */
export class CheckoutEnvironment extends EffectsEnvironment {
  /**
   * Where a team without a routing policy creates: `checkout`, or `adyen` once ADYEN_API_KEY is
   * set (docs/design.md#provider-port).
   */
  @IsIn(PROVIDER_NAMES)
  THREEDS_PROVIDER: ProviderName = 'checkout';

  /**
   * A provider's circuit breaker opens after this many calls in a row failed without a usable
   * answer (network, 5xx, past their deadline); while open, its calls fail at once with 503
   * `PROVIDER_CIRCUIT_OPEN` (docs/circuit-breaker.md).
   */
  @IsInt()
  @Min(1)
  PROVIDER_BREAKER_CONSECUTIVE_FAILURES: number = 5;

  /** How long an open breaker refuses calls before it lets one probe through (half-open). */
  @IsInt()
  @Min(100)
  PROVIDER_BREAKER_HALF_OPEN_AFTER_MS: number = 10_000;

  /**
   * Sessions API base URL: `https://api.sandbox.checkout.com`, `https://api.checkout.com` (or an
   * account's prefixed host), or the simulator's.
   */
  @IsUrl(HTTP_URL)
  CHECKOUT_API_URL: string;

  /**
   * Production only: hosts (`host` or `host:port`, comma-separated) that CHECKOUT_API_URL and
   * CHECKOUT_TOKEN_URL may name although they are not Checkout's (a simulator, an egress proxy).
   */
  @IsOptional()
  @Matches(/^[\w.[\]:-]+(,[\w.[\]:-]+)*$/, {
    message: 'NON_CHECKOUT_UPSTREAM_HOSTS must be host or host:port names, comma-separated',
  })
  NON_CHECKOUT_UPSTREAM_HOSTS?: string;

  /**
   * OAuth token endpoint: `https://access.sandbox.checkout.com/connect/token`,
   * `https://access.checkout.com/connect/token`, or the simulator's `/connect/token`.
   */
  @IsUrl(HTTP_URL)
  CHECKOUT_TOKEN_URL: string;

  /**
   * OAuth client id (`ack_…`) of a key with the `sessions:browser` and/or `sessions:app`
   * scopes, as CHECKOUT_CHANNELS needs.
   */
  @IsString()
  @IsNotEmpty()
  CHECKOUT_CLIENT_ID: string;

  /** The OAuth client's secret. */
  @IsString()
  @IsNotEmpty()
  CHECKOUT_CLIENT_SECRET: string;

  /** Deadline of token requests, reads, `complete` and a create without channel data. */
  @IsInt()
  @Min(100)
  CHECKOUT_TIMEOUT_MS: number = 10_000;

  /**
   * Deadline of the calls Checkout answers only after the issuer has (a create with channel
   * data, collect-data, issuer-fingerprint); Checkout's own SDKs wait 15 s.
   */
  @IsInt()
  @Min(100)
  CHECKOUT_AUTHENTICATION_TIMEOUT_MS: number = 15_000;

  /**
   * The channels teams may create on (`merchant_initiated` is 3RI); a create on another gets 422
   * `CHANNEL_NOT_ENABLED`. The token asks only for their scopes (`sessions:browser`,
   * `sessions:app`; 3RI has no scope of its own and asks for `sessions:app` when alone).
   */
  @Matches(CHANNEL_LIST, {
    message: 'CHECKOUT_CHANNELS must list browser, app, merchant_initiated (comma-separated)',
  })
  CHECKOUT_CHANNELS: string = 'browser,app';

  /**
   * The processing channel of teams without a TEAM_PROCESSING_CHANNELS entry: the only one they
   * may name, and sent when they name none. Checkout requires one unless the API key is bound to
   * a processing channel (then leave this unset).
   */
  @IsOptional()
  @Matches(PROCESSING_CHANNEL_ID, {
    message: 'CHECKOUT_PROCESSING_CHANNEL_ID must look like pc_ followed by 26 characters',
  })
  CHECKOUT_PROCESSING_CHANNEL_ID?: string;

  /**
   * Each team's processing channels, the only ones it may use, its default first:
   * `team:pc_…|pc_…` entries, comma-separated (a team listed twice is refused). Another
   * `processing_channel_id` gets 403 `PROCESSING_CHANNEL_NOT_ALLOWED`. A team without an entry
   * may use only CHECKOUT_PROCESSING_CHANNEL_ID.
   */
  @IsOptional()
  @Matches(TEAM_PROCESSING_CHANNEL_LIST, {
    message:
      "TEAM_PROCESSING_CHANNELS must be team:pc_… entries separated by commas (a team's channels separated by |)",
  })
  TEAM_PROCESSING_CHANNELS?: string;
}
