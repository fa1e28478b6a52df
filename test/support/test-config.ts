import type { CheckoutConfig } from '../../apps/orchestrator/src/config/checkout.config.js';
import type { DatabaseConfig } from '../../apps/orchestrator/src/config/database.config.js';
import type { HttpConfig } from '../../apps/orchestrator/src/config/http.config.js';
import type { SecurityConfig } from '../../apps/orchestrator/src/config/security.config.js';
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
  return { host: '127.0.0.1', port: 0, logFormat: 'pretty', nodeEnv: 'test', ...overrides };
}

export function aCheckoutConfig(overrides: Partial<CheckoutConfig> = {}): CheckoutConfig {
  return {
    apiUrl: 'http://127.0.0.1:9',
    tokenUrl: 'http://127.0.0.1:9/connect/token',
    clientId: 'ack_testclient',
    clientSecret: 'test-client-secret',
    timeoutMs: 5_000,
    ...overrides,
  };
}

export const TEAM_A = { team: 'team-a', apiKey: 'team-a-api-key-0000000001' } as const;
export const TEAM_B = { team: 'team-b', apiKey: 'team-b-api-key-0000000002' } as const;

export function aSecurityConfig(overrides: Partial<SecurityConfig> = {}): SecurityConfig {
  return {
    publicUrl: 'http://127.0.0.1:9',
    apiKeys: new Map([
      [TEAM_A.apiKey, TEAM_A.team],
      [TEAM_B.apiKey, TEAM_B.team],
    ]),
    cryptogramKey: Buffer.alloc(32, 7),
    cardFingerprintKey: 'test-card-fingerprint-key-0000000000000',
    ...overrides,
  };
}
