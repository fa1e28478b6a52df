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
import { adyenSettingProblems } from './adyen-settings.js';
import { HTTP_URL } from './checkout.environment.js';
import { loadExemptionPolicies } from './exemption-policies.js';
import { loadRoutingPolicies } from './routing-policies.js';
import { teamsListedTwice } from './team-settings.js';
import { productionProblems } from './production-rules.js';
import { StrategyEnvironment } from './strategy.environment.js';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
/** pino's levels, most to least verbose, and `silent`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where a local run serves from when neither PUBLIC_URL nor the base URLs are set. */
const LOCAL_PUBLIC_URL = 'http://127.0.0.1:3000';

/** Every environment variable the orchestrator reads. Types are annotated for implicit conversion. */
export class OrchestratorEnvironment extends StrategyEnvironment {
  /** `production` reads no file of defaults and refuses development settings. */
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  /**
   * `json`: one JSON object per line. `pretty`: pino-pretty's coloured lines, one per entry
   * (`config/development.env` sets it); pino-pretty is a dev dependency, so JSON lines when it is
   * not installed.
   */
  @IsIn(LOG_FORMATS)
  override LOG_FORMAT: LogFormat = 'json';

  /** The least severe level written; Nest's start-up inventory (modules, routes) is at `debug`. */
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Unset: an embedded PostgreSQL is started (see EMBEDDED_POSTGRES_DIR and _PORT). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^/]+\/[^/?]+/, {
    message: 'DATABASE_URL must look like postgres://user@host:port/database',
  })
  DATABASE_URL?: string;

  /** Connections of the process's pool for requests and moves (the job queue has its own). */
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  /** Apply pending migrations at start-up; `false`: run `npm run migration:run` yourself. */
  @EnvBoolean()
  DATABASE_RUN_MIGRATIONS: boolean = true;

  /** Data directory of the embedded PostgreSQL (used when DATABASE_URL is unset). */
  @IsString()
  @IsNotEmpty()
  EMBEDDED_POSTGRES_DIR: string = '.data/pg';

  /** Port of the embedded PostgreSQL. */
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT: number = 54329;

  /**
   * Both CALLBACK_BASE_URL and BROWSER_BASE_URL at once; unset: `http://127.0.0.1:3000`, a local
   * run's, which production refuses.
   */
  @IsOptional()
  @IsUrl(HTTP_URL)
  PUBLIC_URL?: string;

  /**
   * Our base URL as Checkout's servers reach it (`callback_url`); unset: PUBLIC_URL. Production:
   * https and a public host.
   */
  @IsOptional()
  @IsUrl(HTTP_URL)
  CALLBACK_BASE_URL?: string;

  /**
   * Our base URL as cardholders' browsers reach it: the notification pages (3DS Method,
   * challenge), the hosted return URLs and the demo page; unset: PUBLIC_URL. Production: https
   * and a public host.
   */
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

  /**
   * Requests per minute per API key on /v1 (429 with Retry-After beyond); also per client address
   * on the rest of the site (the browser helper, the demo, /docs).
   */
  @IsInt()
  @Min(1)
  RATE_LIMIT_API_PER_MINUTE: number = 6_000;

  /** Per client address on the pages cardholders' browsers land on: /notifications, /hosted. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_BROWSER_PER_MINUTE: number = 120;

  /** Per client address on Checkout's /callbacks and /webhooks (its few addresses send them all). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_CHECKOUT_PER_MINUTE: number = 6_000;

  /** Per client address on Adyen's /webhooks/adyen: a bucket of its own, apart from Checkout's. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_ADYEN_PER_MINUTE: number = 6_000;

  /**
   * CSP `frame-ancestors` of the notification pages (and the demo page): the merchant pages that
   * frame the 3DS iframes.
   */
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

  /**
   * Development only (refused in production): the demo checkout page at `/` and its demo-only
   * merchant backend (on in `config/development.env`).
   */
  @EnvBoolean()
  DEMO_PAGE: boolean = false;

  /**
   * The API key the demo's merchant backend uses (one of API_KEYS); required when DEMO_PAGE is
   * true; never sent to a browser.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  DEMO_API_KEY?: string;

  /** HMAC-SHA256 key for card fingerprints (the PAN itself is never stored). */
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
  const routing = loadRoutingPolicies(env);
  const problems: EnvironmentProblem[] = [
    ...when(env.DEMO_PAGE && !env.DEMO_API_KEY, 'DEMO_API_KEY', 'required when DEMO_PAGE is true'),
    // A create makes up to four Checkout calls (token, POST, and both again after a 401).
    ...when(
      env.RECHECK_CREATION_MS <= longestCreateMs(env),
      'RECHECK_CREATION_MS',
      'must be longer than 2 × (CHECKOUT_TIMEOUT_MS + CHECKOUT_AUTHENTICATION_TIMEOUT_MS)',
    ),
    ...listedTwice(env, 'TEAM_PROCESSING_CHANNELS'),
    ...listedTwice(env, 'DATA_QUALITY_MINIMUMS'),
    ...loadExemptionPolicies(env).problems,
    ...routing.problems,
    ...adyenSettingProblems(env, routing.byTeam),
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

const listedTwice = (
  env: OrchestratorEnvironment,
  setting: 'TEAM_PROCESSING_CHANNELS' | 'DATA_QUALITY_MINIMUMS',
): EnvironmentProblem[] =>
  teamsListedTwice(env[setting]).map((team) => ({
    setting,
    reason: `team ${team} is listed more than once`,
  }));

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
