import {
  EnvBoolean,
  EnvironmentValidationError,
  HttpServerEnvironment,
  validateEnvironment,
} from '@app/common';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Min } from 'class-validator';

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Every environment variable the Checkout simulator reads. */
export class SimulatorEnvironment extends HttpServerEnvironment {
  override PORT: number = 3001;

  /**
   * Base URL the simulator puts in `_links`, ACS and 3DS Method URLs (as browsers reach it);
   * unset: `http://127.0.0.1:` and PORT.
   */
  @IsOptional()
  @IsUrl(HTTP_URL)
  SIMULATOR_PUBLIC_URL?: string;

  /** The one OAuth client the simulated `/connect/token` accepts. */
  @IsString()
  @IsNotEmpty()
  SIMULATOR_CLIENT_ID: string;

  /** That client's secret. */
  @IsString()
  @IsNotEmpty()
  SIMULATOR_CLIENT_SECRET: string;

  /**
   * The processing channel the OAuth client is bound to: Checkout then lets `POST /sessions` omit
   * `processing_channel_id`. `none` (the default): an unbound client, for which it is required
   * (422 `processing_channel_id_required`), as Checkout requires it.
   */
  @Matches(/^(none|pc_\w{26})$/, {
    message: 'SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID must be none or pc_ and 26 characters',
  })
  SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID: string = 'none';

  /**
   * The processing channels of the client's entity, comma-separated: a create naming another
   * gets 422 `processing_channel_id_invalid`. `any`: every well-formed id is the entity's. A
   * bound client's channel must be one of them.
   */
  @Matches(/^(any|pc_\w{26}(,pc_\w{26})*)$/, {
    message: 'SIMULATOR_PROCESSING_CHANNELS must be any, or pc_ ids separated by commas',
  })
  SIMULATOR_PROCESSING_CHANNELS: string = 'any';

  /**
   * The scopes the client may be granted, comma-separated: a token request naming another gets
   * 400 `invalid_scope`; one naming none is granted all of these.
   */
  @Matches(/^(sessions:browser|sessions:app)(,(sessions:browser|sessions:app))*$/, {
    message: 'SIMULATOR_CLIENT_SCOPES must list sessions:browser, sessions:app (comma-separated)',
  })
  SIMULATOR_CLIENT_SCOPES: string = 'sessions:browser,sessions:app';

  /** `expires_in` of issued access tokens (Checkout: 3600). */
  @IsInt()
  @Min(1)
  SIMULATOR_TOKEN_TTL_SECONDS: number = 3600;

  /** A session not final by then becomes `expired` (Checkout's TTL is undocumented). */
  @IsInt()
  @Min(1)
  SIMULATOR_SESSION_TTL_SECONDS: number = 900;

  /** A `challenged` session whose cardholder never answers becomes `challenge_abandoned`. */
  @IsInt()
  @Min(1)
  SIMULATOR_CHALLENGE_TTL_SECONDS: number = 600;

  /**
   * How long after the challenge form the RReq reaches the session (docs/checkout-sessions.md#challenge):
   * 0 makes it final at once; more lets the CRes reach the merchant first.
   */
  @IsInt()
  @Min(0)
  SIMULATOR_RREQ_DELAY_MS: number = 0;

  /**
   * The issuer model's data-driven challenges (docs/simulator-issuer-model.md): on, a frictionless
   * Y card is challenged with a probability that grows as the request carries less data.
   */
  @EnvBoolean()
  SIMULATOR_DATA_DRIVEN_CHALLENGES: boolean = false;

  /** Seed of the data-driven draws: the same seed and request always get the same decision. */
  @IsString()
  @IsNotEmpty()
  SIMULATOR_RISK_SEED: string = 'simulator';

  /** Where signed `authentication_*` workflow webhooks go; unset = none are sent. */
  @IsOptional()
  @IsUrl(HTTP_URL)
  SIMULATOR_WEBHOOK_URL?: string;

  /** HMAC-SHA256 key of `Cko-Signature`. */
  @IsString()
  @IsNotEmpty()
  SIMULATOR_WEBHOOK_SECRET: string = 'simulator-webhook-signing-key';

  /** Sent verbatim as the webhooks' fixed `Authorization` header when set. */
  @IsOptional()
  @IsString()
  SIMULATOR_WEBHOOK_AUTHORIZATION?: string;

  /** Divides Checkout's webhook retry schedule (5 min … 12 h); 60000 turns minutes into ms. */
  @IsInt()
  @Min(1)
  SIMULATOR_WEBHOOK_RETRY_SCALE: number = 1;

  /**
   * Enables the `/_sim/...` control API (fault scripts, clock, request log; on in
   * `config/development.env`). Never in production.
   */
  @EnvBoolean()
  SIMULATOR_CONTROL_API: boolean = false;
}

export function validateSimulatorEnvironment(raw: Record<string, unknown>): SimulatorEnvironment {
  const env = validateEnvironment('checkout-simulator', SimulatorEnvironment, raw);
  const bound = env.SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID;
  const entity = env.SIMULATOR_PROCESSING_CHANNELS;
  if (bound !== 'none' && entity !== 'any' && !entity.split(',').includes(bound)) {
    throw new EnvironmentValidationError('checkout-simulator', [
      {
        setting: 'SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID',
        reason: 'must be one of SIMULATOR_PROCESSING_CHANNELS',
      },
    ]);
  }
  return env;
}
