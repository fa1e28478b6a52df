import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { parse } from 'yaml';
import { SimulatorEnvironment } from '../../apps/checkout-simulator/src/config/simulator.environment.js';
import { OrchestratorEnvironment } from '../../apps/orchestrator/src/config/orchestrator.environment.js';
import { isShippedSecret } from '../../apps/orchestrator/src/config/shipped-secrets.js';
import { BASE_ENV } from '../support/orchestrator-processes.js';
import { SIMULATOR_CLIENT } from '../support/simulator/simulator-app.js';
import {
  API_KEY as SCRIPTED_ADYEN_API_KEY,
  CLIENT_KEY as SCRIPTED_ADYEN_CLIENT_KEY,
} from '../support/adyen-client/scripted-adyen.js';
import {
  ADYEN_API_KEY,
  ADYEN_CLIENT_KEY,
  ADYEN_HMAC_KEY,
  ADYEN_WEBHOOK_AUTH,
} from '../support/adyen-simulator/simulator-app.js';
import { AdyenSimulatorEnvironment } from '../../apps/adyen-simulator/src/config/adyen-simulator.environment.js';
import {
  aCheckoutConfig,
  anEventsConfig,
  aSecurityConfig,
  TEAM_A,
  TEAM_B,
} from '../support/test-config.js';
import {
  ADYEN as BENCH_ADYEN,
  API_KEY as BENCH_API_KEY,
  PROCESSING_CHANNEL,
  SECRETS as BENCH_SECRETS,
  SIMULATOR_CLIENT as BENCH_CLIENT,
} from '../../scripts/bench/settings.mjs';

/** A setting whose value is a secret (URLs and ids are not, even with TOKEN or KEY inside). */
const SECRET_SETTING = /SECRET|KEYS?$|KEY_|PASSWORD|AUTHORIZATION/;
const NOT_SECRET = /_(URL|ID)$/;
/** Secret-looking settings the orchestrator has no way to judge, and why. */
const NOT_JUDGED: Record<string, string> = {
  POSTGRES_PASSWORD: "docker-compose's database: DATABASE_URL's credentials are the database's",
};

/** The secret values an env-like object holds: the keys of `team:key` pairs, each of a list. */
function secretValuesOf(env: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(env).flatMap(([setting, value]) => {
    if (!SECRET_SETTING.test(setting) || NOT_SECRET.test(setting) || setting in NOT_JUDGED) {
      return [];
    }
    if (typeof value !== 'string' || value === '') return [];
    const values = /_KEYS$|_SECRETS$/.test(setting) ? value.split(',') : [value];
    return values.map((one): [string, string] => [setting, one.slice(one.indexOf(':') + 1)]);
  });
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, { environment?: Record<string, string> }>;
};
/** A compose value without an env file: `${NAME:-default}` is its default. */
const composeDefaults = (env: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      String(value).replace(/\$\{\w+:-([^}]*)\}/g, '$1'),
    ]),
  );

/** Every place the repository writes a secret down, and the values found there. */
const SOURCES: Array<[string, Array<[string, string]>]> = [
  [
    'config/development.env',
    secretValuesOf(parseEnv(readFileSync('config/development.env', 'utf8'))),
  ],
  ...Object.entries(compose.services).map(([name, service]): [string, Array<[string, string]>] => [
    `docker-compose.yml ${name}`,
    secretValuesOf(composeDefaults(service.environment ?? {})),
  ]),
  [
    'config/compose.dev.env',
    secretValuesOf(parseEnv(readFileSync('config/compose.dev.env', 'utf8'))),
  ],
  ['the orchestrator environment defaults', secretValuesOf({ ...new OrchestratorEnvironment() })],
  ['the simulator environment defaults', secretValuesOf({ ...new SimulatorEnvironment() })],
  ['test/support/orchestrator-processes.ts', secretValuesOf(BASE_ENV)],
  [
    'test/support/test-config.ts',
    [
      ['clientSecret', aCheckoutConfig().clientSecret],
      ...[...aSecurityConfig().apiKeys.keys(), TEAM_A.apiKey, TEAM_B.apiKey].map(
        (key): [string, string] => ['apiKeys', key],
      ),
      ['cryptogramKey', aSecurityConfig().cryptogramKey.toString('base64')],
      ['cardFingerprintKey', aSecurityConfig().cardFingerprintKey],
      ...anEventsConfig().checkoutWebhook.secrets.map((one): [string, string] => ['secrets', one]),
    ],
  ],
  ['test/support/simulator/simulator-app.ts', [['SIMULATOR_CLIENT', SIMULATOR_CLIENT.secret]]],
  [
    'test/support/adyen-simulator/simulator-app.ts',
    [
      ['ADYEN_API_KEY', ADYEN_API_KEY],
      ['ADYEN_CLIENT_KEY', ADYEN_CLIENT_KEY],
      ['ADYEN_HMAC_KEY', ADYEN_HMAC_KEY],
      ['ADYEN_WEBHOOK_AUTH', ADYEN_WEBHOOK_AUTH.password],
    ],
  ],
  [
    'test/support/adyen-client/scripted-adyen.ts',
    [
      ['API_KEY', SCRIPTED_ADYEN_API_KEY],
      ['CLIENT_KEY', SCRIPTED_ADYEN_CLIENT_KEY],
    ],
  ],
  [
    'the Adyen simulator environment defaults',
    secretValuesOf({ ...new AdyenSimulatorEnvironment() }),
  ],
  ['docs/adyen-simulator.md', [['ADYEN_SIMULATOR_API_KEY', 'dev-key']]],
  [
    'scripts/bench/settings.mjs',
    [
      ['SIMULATOR_CLIENT', BENCH_CLIENT.secret],
      ['API_KEY', BENCH_API_KEY],
      ...secretValuesOf(BENCH_SECRETS),
      ['ADYEN.apiKey', BENCH_ADYEN.apiKey],
      ['ADYEN.clientKey', BENCH_ADYEN.clientKey],
      ['ADYEN.hmacKey', BENCH_ADYEN.hmacKey],
    ],
  ],
];

/**
 * Production refuses every secret the repository ships (apps/orchestrator/src/config/shipped-secrets.ts
 * keeps their digests): a value added to any of these files without its digest fails here.
 */
describe('shipped secrets', () => {
  it('finds the secrets of an env-like object, and not its URLs, ids or other settings', () => {
    expect(
      secretValuesOf({
        API_KEYS: 'demo:first-key,other:second-key',
        CHECKOUT_WEBHOOK_SECRETS: 'one,two',
        CARD_FINGERPRINT_KEY: 'fingerprint',
        CHECKOUT_WEBHOOK_AUTHORIZATION: 'Basic x',
        POSTGRES_PASSWORD: 'postgres',
        CHECKOUT_TOKEN_URL: 'https://access.checkout.com/connect/token',
        CHECKOUT_CLIENT_ID: 'ack_x',
        SIMULATOR_CLIENT_SECRET: '',
        PORT: '3000',
        CHECKOUT_PROCESSING_CHANNEL_ID: PROCESSING_CHANNEL,
      }),
    ).toEqual([
      ['API_KEYS', 'first-key'],
      ['API_KEYS', 'second-key'],
      ['CHECKOUT_WEBHOOK_SECRETS', 'one'],
      ['CHECKOUT_WEBHOOK_SECRETS', 'two'],
      ['CARD_FINGERPRINT_KEY', 'fingerprint'],
      ['CHECKOUT_WEBHOOK_AUTHORIZATION', 'Basic x'],
    ]);
  });

  it('reads the secrets where they are written down', () => {
    const found = new Map(SOURCES.map(([source, secrets]) => [source, secrets.length]));
    expect(found.get('config/development.env')).toBe(16);
    expect(found.get('docker-compose.yml orchestrator')).toBe(5);
    expect(found.get('docker-compose.yml checkout-simulator')).toBe(2);
    expect(found.get('config/compose.dev.env')).toBe(1);
    expect(found.get('test/support/orchestrator-processes.ts')).toBe(6);
  });

  it.each(SOURCES)('knows every secret of %s', (_source, secrets) => {
    expect(
      secrets.filter(([, value]) => !isShippedSecret(value)).map(([setting]) => setting),
    ).toEqual([]);
  });

  it('takes a secret of nobody else', () => {
    expect(isShippedSecret('a-secret-no-file-of-this-repository-holds')).toBe(false);
  });
});
