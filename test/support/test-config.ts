import type { AdyenConfig } from '../../apps/orchestrator/src/config/adyen.config.js';
import type { ClaimsConfig } from '../../apps/orchestrator/src/config/claims.config.js';
import type { CheckoutConfig } from '../../apps/orchestrator/src/config/checkout.config.js';
import type { DatabaseConfig } from '../../apps/orchestrator/src/config/database.config.js';
import type { EventsConfig } from '../../apps/orchestrator/src/config/events.config.js';
import type { JobsConfig } from '../../apps/orchestrator/src/config/jobs.config.js';
import type { HttpConfig } from '../../apps/orchestrator/src/config/http.config.js';
import type { LoggingConfig } from '../../apps/orchestrator/src/config/logging.config.js';
import type { ProviderBreakerConfig } from '../../apps/orchestrator/src/config/provider-breaker.config.js';
import type { SecurityConfig } from '../../apps/orchestrator/src/config/security.config.js';
import type { StrategyConfig } from '../../apps/orchestrator/src/config/strategy.config.js';
import { TEMPLATE_DATABASE_URL_KEY, workerDatabaseUrl } from './test-database.js';

/** This Jest worker's own database, cloned from the migrated template by global-setup. */
export function testDatabaseUrl(): string {
  const templateUrl = process.env[TEMPLATE_DATABASE_URL_KEY];
  if (!templateUrl) {
    throw new Error(
      `${TEMPLATE_DATABASE_URL_KEY} is unset: run e2e specs through jest's e2e project`,
    );
  }
  return workerDatabaseUrl(templateUrl, Number(process.env.JEST_WORKER_ID ?? '1'));
}

export function aDatabaseConfig(overrides: Partial<DatabaseConfig> = {}): DatabaseConfig {
  return {
    url: testDatabaseUrl(),
    poolSize: 4,
    runMigrations: false,
    embedded: { dataDir: '.data/unused', port: 1 },
    ...overrides,
  };
}

export function anHttpConfig(overrides: Partial<HttpConfig> = {}): HttpConfig {
  return { host: '127.0.0.1', port: 0, nodeEnv: 'test', apiDocs: true, ...overrides };
}

/** The sink is replaced in tests (see orchestrator-app.ts): the format is never used. */
export function aLoggingConfig(overrides: Partial<LoggingConfig> = {}): LoggingConfig {
  return { format: 'json', level: 'debug', ...overrides };
}

export function aCheckoutConfig(overrides: Partial<CheckoutConfig> = {}): CheckoutConfig {
  return {
    provider: 'checkout',
    apiUrl: 'http://127.0.0.1:9',
    tokenUrl: 'http://127.0.0.1:9/connect/token',
    clientId: 'ack_testclient',
    clientSecret: 'test-client-secret',
    // Production's deadlines: a spec whose Checkout call is meant to time out sets its own.
    timeoutMs: 10_000,
    authenticationTimeoutMs: 15_000,
    channels: ['browser', 'app'],
    processingChannels: {
      default: PROCESSING_CHANNELS.default,
      byTeam: new Map<string, readonly string[]>([
        [TEAM_A.team, PROCESSING_CHANNELS.teamA],
        [TEAM_B.team, PROCESSING_CHANNELS.teamB],
      ]),
    },
    ...overrides,
  };
}

/**
 * Adyen as a start without ADYEN_API_KEY has it: registered with no channel, so nothing routes
 * there. A spec that drives Adyen sets `configured`, its simulator's URLs and keys.
 */
export function anAdyenConfig(overrides: Partial<AdyenConfig> = {}): AdyenConfig {
  return {
    configured: false,
    apiUrl: 'http://127.0.0.1:9/v71',
    paymentApiUrl: 'http://127.0.0.1:9/pal/servlet/Payment/v68',
    checkoutShopperUrl: 'http://127.0.0.1:9/checkoutshopper',
    apiKey: '',
    merchantAccount: '',
    clientKey: '',
    hmacKeys: [],
    webhookUsername: undefined,
    webhookPassword: undefined,
    // Production's deadlines and lifetime.
    timeoutMs: 10_000,
    authenticationTimeoutMs: 15_000,
    authenticationLifetimeMs: 900_000,
    challengeRecheckMs: 600_000,
    ...overrides,
  };
}

/** Production's breaker: a spec about the breaker sets a short `halfOpenAfterMs` of its own. */
export function aProviderBreakerConfig(
  overrides: Partial<ProviderBreakerConfig> = {},
): ProviderBreakerConfig {
  return { consecutiveFailures: 5, halfOpenAfterMs: 10_000, ...overrides };
}

export const TEAM_A = { team: 'team-a', apiKey: 'team-a-api-key-0000000001' } as const;
export const TEAM_B = { team: 'team-b', apiKey: 'team-b-api-key-0000000002' } as const;

const channelId = (name: string): string => `pc_${name.padEnd(26, 'x')}`;
/**
 * The tests' processing channels. The simulator's client is bound to none, as Checkout's
 * usually are, so every create carries one: team A has two (its default first), team B one,
 * any other team the default (CHECKOUT_PROCESSING_CHANNEL_ID).
 */
export const PROCESSING_CHANNELS = {
  default: channelId('testdefault'),
  teamA: [channelId('testteamafirst'), channelId('testteamasecond')],
  teamB: [channelId('testteamb')],
} as const;

/** The same channels as settings of a process (orchestrator-processes.ts). */
export const PROCESSING_CHANNEL_SETTINGS = {
  CHECKOUT_PROCESSING_CHANNEL_ID: PROCESSING_CHANNELS.default,
  TEAM_PROCESSING_CHANNELS: [
    `${TEAM_A.team}:${PROCESSING_CHANNELS.teamA.join('|')}`,
    `${TEAM_B.team}:${PROCESSING_CHANNELS.teamB.join('|')}`,
  ].join(','),
};

/** Every processing channel above: the simulator's entity has these and no other. */
export const ALL_PROCESSING_CHANNELS = [
  PROCESSING_CHANNELS.default,
  ...PROCESSING_CHANNELS.teamA,
  ...PROCESSING_CHANNELS.teamB,
];

export function aSecurityConfig(overrides: Partial<SecurityConfig> = {}): SecurityConfig {
  return {
    callbackBaseUrl: 'http://127.0.0.1:9',
    browserBaseUrl: 'http://127.0.0.1:9',
    apiKeys: new Map([
      [TEAM_A.apiKey, TEAM_A.team],
      [TEAM_B.apiKey, TEAM_B.team],
    ]),
    cryptogramKey: Buffer.alloc(32, 7),
    cardFingerprintKey: 'test-card-fingerprint-key-0000000000000',
    // Far above what any spec sends, except the one that tests the limits.
    rateLimits: {
      apiPerMinute: 1_000_000,
      browserPerMinute: 1_000_000,
      checkoutPerMinute: 1_000_000,
      adyenPerMinute: 1_000_000,
    },
    frameAncestors: 'https: http://127.0.0.1:*',
    rereadCooldownMs: 2_000,
    rereadBudget: 10,
    ...overrides,
  };
}

/**
 * Jobs as in production, but fast where waiting is only a cost (retries, polling) and with
 * deadlines far beyond any test (a spec that is about deadlines sets its own).
 */
export function aJobsConfig(overrides: Partial<JobsConfig> = {}): JobsConfig {
  return {
    concurrency: 4,
    deliveryConcurrency: 2,
    pollIntervalMs: 50,
    heartbeatMs: 200,
    workerDeadAfterMs: 2_000,
    recheckMs: waitingDeadlines(60_000),
    recheckMaxIntervalMs: 600_000,
    giveUpAfterMs: 86_400_000,
    sessionLifetimeMs: 900_000,
    // The lease outlasts an in-process complete on a busy machine (the job is for a dead process).
    complete: { maxAttempts: 5, leaseMs: 5_000, backoff: { baseMs: 50, capMs: 500 } },
    failpoints: [],
    ...overrides,
  };
}

/**
 * Deadlines of the waiting states every `periodMs`; creation deadlines beyond any test (a spec
 * about lost creates sets its own).
 */
export function waitingDeadlines(periodMs: number): JobsConfig['recheckMs'] {
  return {
    creation: 60_000,
    session_lookup: 60_000,
    issuer_fingerprint: periodMs,
    channel_data: periodMs,
    challenge: periodMs,
  };
}

/** Signs the simulator's webhooks; the orchestrator under test verifies with it. */
export const WEBHOOK_SECRET = 'e2e-webhook-signing-key';

/** The service's default validity (RESULT_CLAIM_VALIDITY_SECONDS: 90 days). */
export function aClaimsConfig(overrides: Partial<ClaimsConfig> = {}): ClaimsConfig {
  return { validityMs: 7_776_000_000, ...overrides };
}

/**
 * No team has an exemption policy (each create sends the indicator its request says) or a data
 * quality minimum.
 */
export function aStrategyConfig(overrides: Partial<StrategyConfig> = {}): StrategyConfig {
  return {
    exemptionPolicies: new Map(),
    dataQualityMinimums: new Map(),
    routingPolicies: new Map(),
    ...overrides,
  };
}

export function anEventsConfig(overrides: Partial<EventsConfig> = {}): EventsConfig {
  return {
    checkoutWebhook: { secrets: [WEBHOOK_SECRET], authorization: undefined },
    teamDelivery: {
      maxAttempts: 4,
      backoff: { baseMs: 50, capMs: 400 },
      // Far above what a local endpoint takes on a busy machine (one that holds its answer a
      // second, too): no spec lets a delivery time out unless it sets its own.
      timeoutMs: 10_000,
      redeliverySpacingMs: 50,
      allowPrivateTargets: true,
    },
    ...overrides,
  };
}
