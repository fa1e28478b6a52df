import {
  EnvBoolean,
  EnvironmentValidationError,
  LOG_FORMATS,
  validateEnvironment,
  type EnvironmentProblem,
  type LogFormat,
} from '@app/common';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import {
  CHANNEL_LIST,
  PROCESSING_CHANNEL_ID,
  TEAM_PROCESSING_CHANNEL_LIST,
  teamsListedTwice,
} from './checkout-channels.js';
import { PROVIDER_NAMES, type ProviderName } from '@app/domain';
import { EffectsEnvironment } from './effects.environment.js';
import { productionProblems } from './production-rules.js';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
/** pino's levels, most to least verbose, and `silent`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
/** Where a local run serves from when neither PUBLIC_URL nor the base URLs are set. */
const LOCAL_PUBLIC_URL = 'http://127.0.0.1:3000';

/** Every environment variable the orchestrator reads. Types are annotated for implicit conversion. */
export class OrchestratorEnvironment extends EffectsEnvironment {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  /** JSON lines unless asked otherwise: `pretty` (config/development.env) needs pino-pretty. */
  @IsIn(LOG_FORMATS)
  override LOG_FORMAT: LogFormat = 'json';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Unset: an embedded PostgreSQL is started (see EMBEDDED_POSTGRES_*). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^/]+\/[^/?]+/, {
    message: 'DATABASE_URL must look like postgres://user@host:port/database',
  })
  DATABASE_URL?: string;

  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  @EnvBoolean()
  DATABASE_RUN_MIGRATIONS: boolean = true;

  @IsString()
  @IsNotEmpty()
  EMBEDDED_POSTGRES_DIR: string = '.data/pg';

  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT: number = 54329;

  /** The 3DS provider behind the port (docs/design.md#provider-port). */
  @IsIn(PROVIDER_NAMES)
  THREEDS_PROVIDER: ProviderName = 'checkout';

  /** Sessions API base, e.g. https://api.sandbox.checkout.com (or the simulator). */
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

  /** OAuth token endpoint, e.g. https://access.sandbox.checkout.com/connect/token. */
  @IsUrl(HTTP_URL)
  CHECKOUT_TOKEN_URL: string;

  @IsString()
  @IsNotEmpty()
  CHECKOUT_CLIENT_ID: string;

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

  /** The channels teams may create on; the token asks for their scopes only. */
  @Matches(CHANNEL_LIST, {
    message: 'CHECKOUT_CHANNELS must list browser, app, merchant_initiated (comma-separated)',
  })
  CHECKOUT_CHANNELS: string = 'browser,app';

  /**
   * Sent as `processing_channel_id` when neither the request nor its team's entry gives one
   * (Checkout requires it unless the API key is bound to a processing channel).
   */
  @IsOptional()
  @Matches(PROCESSING_CHANNEL_ID, {
    message: 'CHECKOUT_PROCESSING_CHANNEL_ID must look like pc_ followed by 26 characters',
  })
  CHECKOUT_PROCESSING_CHANNEL_ID?: string;

  /**
   * Each team's processing channels, the only ones it may use, its default first:
   * `team:pc_…|pc_…` entries, comma-separated. A team without one may use only the default.
   */
  @IsOptional()
  @Matches(TEAM_PROCESSING_CHANNEL_LIST, {
    message:
      "TEAM_PROCESSING_CHANNELS must be team:pc_… entries separated by commas (a team's channels separated by |)",
  })
  TEAM_PROCESSING_CHANNELS?: string;

  /** Both base URLs at once; unset: http://127.0.0.1:3000, which production refuses. */
  @IsOptional()
  @IsUrl(HTTP_URL)
  PUBLIC_URL?: string;

  /** Our base URL as Checkout's servers reach it (`callback_url`); https in production. */
  @IsOptional()
  @IsUrl(HTTP_URL)
  CALLBACK_BASE_URL?: string;

  /** Our base URL as cardholders' browsers reach it (notification pages, the demo page). */
  @IsOptional()
  @IsUrl(HTTP_URL)
  BROWSER_BASE_URL?: string;

  /**
   * `team:key` pairs, comma-separated (keys ≥ 16 chars), stored hashed at start-up: a way to
   * seed development and tests. Production keys are made with `npm run api-keys`.
   */
  @IsOptional()
  @Matches(/^[a-z0-9_-]+:[^,:\s]{16,}(,[a-z0-9_-]+:[^,:\s]{16,})*$/, {
    message: 'API_KEYS must be team:key pairs separated by commas (keys of 16+ characters)',
  })
  API_KEYS?: string;

  /** 32 bytes, base64: AES-256-GCM key for cryptograms at rest. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'CRYPTOGRAM_ENCRYPTION_KEY must be 32 bytes in base64',
  })
  CRYPTOGRAM_ENCRYPTION_KEY: string;

  /** Requests per minute per API key on /v1 (429 with Retry-After beyond). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_API_PER_MINUTE: number = 6_000;

  /** Per client address on the cardholder-facing /notifications pages. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_BROWSER_PER_MINUTE: number = 120;

  /** Per client address on /callbacks and /webhooks (Checkout's few addresses send them all). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_CHECKOUT_PER_MINUTE: number = 6_000;

  /** CSP frame-ancestors of the notification pages: the merchant pages that frame the challenge. */
  @Matches(/^[^;,\s]+( [^;,\s]+)*$/, {
    message: 'FRAME_ANCESTORS must be CSP sources separated by spaces',
  })
  FRAME_ANCESTORS: string = 'https:';

  /** Callback- and browser-triggered re-reads of one authentication: at most one per this long. */
  @IsInt()
  @Min(0)
  REREAD_COOLDOWN_MS: number = 2_000;

  /**
   * Checkout reads that browser and app notifications may cause for one authentication over its
   * whole life (at once, after the cooldown, or waiting for the RReq); deadlines, webhooks and
   * Checkout's callback still re-read it once they are spent.
   */
  @IsInt()
  @Min(0)
  REREAD_BUDGET: number = 10;

  /** How long after its result a payment may claim it: 90 days, Visa's CAVV (docs/claims.md#validity). */
  @IsInt()
  @Min(1)
  @Max(7_776_000)
  RESULT_CLAIM_VALIDITY_SECONDS: number = 7_776_000;

  /**
   * Proxies (load balancers) in front of the service: the client address is the one the
   * outermost of them saw, read from the right of X-Forwarded-For (0: the TCP peer).
   */
  @IsInt()
  @Min(0)
  @Max(10)
  TRUSTED_PROXY_HOPS: number = 0;

  /** Swagger UI at /docs and the document at /docs-json; unset: on, except in production. */
  @IsOptional()
  @EnvBoolean()
  API_DOCS?: boolean;

  /** Development only: the demo checkout page at `/` and its demo-only merchant backend. */
  @EnvBoolean()
  DEMO_PAGE: boolean = false;

  /** The API key the demo's merchant backend uses (one of API_KEYS); never sent to a browser. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  DEMO_API_KEY?: string;

  /** HMAC key for card fingerprints (the PAN itself is never stored). */
  @IsString()
  @MinLength(32)
  CARD_FINGERPRINT_KEY: string;
}

/**
 * Validates `process.env` (or a copy); throws an error naming the failing keys, never values.
 * `execArgv`: the process's Node flags (main.ts), read by the production rules.
 */
export function validateOrchestratorEnvironment(
  raw: Record<string, unknown>,
  options: { execArgv?: readonly string[] } = {},
): OrchestratorEnvironment {
  const env = validateEnvironment('orchestrator', OrchestratorEnvironment, raw);
  const problems: EnvironmentProblem[] = [
    ...when(env.DEMO_PAGE && !env.DEMO_API_KEY, 'DEMO_API_KEY', 'required when DEMO_PAGE is true'),
    // A create makes up to four Checkout calls (token, POST, and both again after a 401).
    ...when(
      env.RECHECK_CREATION_MS <= longestCreateMs(env),
      'RECHECK_CREATION_MS',
      'must be longer than 2 × (CHECKOUT_TIMEOUT_MS + CHECKOUT_AUTHENTICATION_TIMEOUT_MS)',
    ),
    ...teamsListedTwice(env.TEAM_PROCESSING_CHANNELS).map((team) => ({
      setting: 'TEAM_PROCESSING_CHANNELS',
      reason: `team ${team} is listed more than once`,
    })),
    ...when(
      env.JOBS_WORKER_DEAD_AFTER_MS < 3 * env.JOBS_HEARTBEAT_MS,
      'JOBS_WORKER_DEAD_AFTER_MS',
      'must be at least 3 × JOBS_HEARTBEAT_MS',
    ),
    ...(env.NODE_ENV === 'production' ? productionProblems(env, options.execArgv ?? []) : []),
  ];
  if (problems.length > 0) throw new EnvironmentValidationError('orchestrator', problems);
  return env;
}

const when = (failed: boolean, setting: string, reason: string): EnvironmentProblem[] =>
  failed ? [{ setting, reason }] : [];

/** A create's worst case: a token request and the POST, twice (after a 401). */
const longestCreateMs = (env: OrchestratorEnvironment): number =>
  2 * (env.CHECKOUT_TIMEOUT_MS + env.CHECKOUT_AUTHENTICATION_TIMEOUT_MS);

const withoutTrailingSlash = (url: string): string => url.replace(/\/$/, '');

/** Where Checkout's servers reach us: CALLBACK_BASE_URL, else PUBLIC_URL. */
export const callbackBaseUrl = (env: OrchestratorEnvironment): string =>
  withoutTrailingSlash(env.CALLBACK_BASE_URL ?? env.PUBLIC_URL ?? LOCAL_PUBLIC_URL);

/** /docs and /docs-json: as API_DOCS says, else everywhere but in production. */
export const servesApiDocs = (env: OrchestratorEnvironment): boolean =>
  env.API_DOCS ?? env.NODE_ENV !== 'production';

/** Where cardholders' browsers reach us: BROWSER_BASE_URL, else PUBLIC_URL. */
export const browserBaseUrl = (env: OrchestratorEnvironment): string =>
  withoutTrailingSlash(env.BROWSER_BASE_URL ?? env.PUBLIC_URL ?? LOCAL_PUBLIC_URL);
