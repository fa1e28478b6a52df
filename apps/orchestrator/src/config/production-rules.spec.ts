import { EnvironmentValidationError } from '@app/common';
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { servesApiDocs, validateOrchestratorEnvironment } from './orchestrator.environment.js';

const PC_A = `pc_${'a'.repeat(26)}`;
const PC_B = `pc_${'b'.repeat(26)}`;
/** What the repository ships for development (read here to try each value in production). */
const DEVELOPMENT = parseEnv(readFileSync('config/development.env', 'utf8'));

/** A production configuration that passes every rule; each case below breaks one thing. */
const SAFE: Record<string, string> = {
  NODE_ENV: 'production',
  CHECKOUT_API_URL: 'https://api.checkout.com',
  CHECKOUT_TOKEN_URL: 'https://access.checkout.com/connect/token',
  CHECKOUT_CLIENT_ID: 'ack_ourliveclient',
  CHECKOUT_CLIENT_SECRET: 'a-client-secret-of-our-own',
  CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 42).toString('base64'),
  CARD_FINGERPRINT_KEY: 'a-card-fingerprint-key-of-our-own-0000000',
  CALLBACK_BASE_URL: 'https://callbacks.pay.example',
  BROWSER_BASE_URL: 'https://pay.example',
  CHECKOUT_PROCESSING_CHANNEL_ID: PC_A,
};

/** A live Adyen account, configured as production wants it. */
const ADYEN_LIVE = {
  ADYEN_API_URL: 'https://1797a841fbb37ca7-acme-checkout-live.adyenpayments.com/checkout/v71',
  ADYEN_PAYMENT_API_URL:
    'https://1797a841fbb37ca7-acme-pal-live.adyenpayments.com/pal/servlet/Payment/v68',
  ADYEN_CHECKOUTSHOPPER_URL: 'https://checkoutshopper-live.adyen.com/checkoutshopper',
  ADYEN_API_KEY: 'AQE-an-api-key-of-our-own',
  ADYEN_MERCHANT_ACCOUNT: 'AcmeECOM',
  ADYEN_CLIENT_KEY: 'live_OURCLIENTKEY',
  ADYEN_HMAC_KEYS: 'AB12CD34',
  ADYEN_WEBHOOK_USERNAME: 'adyen',
  ADYEN_WEBHOOK_PASSWORD: 'a-webhook-password-of-our-own',
};

/** The settings a production start refuses, by name, or [] when it starts. */
function refusedSettings(overrides: Record<string, string>, execArgv: string[] = []): string[] {
  try {
    validateOrchestratorEnvironment({ ...SAFE, ...overrides }, { execArgv });
    return [];
  } catch (error) {
    if (!(error instanceof EnvironmentValidationError)) throw error;
    return error.problems.map((problem) => problem.setting);
  }
}

describe('production rules', () => {
  it('start a safe production configuration', () => {
    expect(refusedSettings({})).toEqual([]);
  });

  it('leave development and test alone', () => {
    const { NODE_ENV: _production, ...rest } = SAFE;
    expect(refusedSettings({ ...rest, NODE_ENV: 'development', ...DEVELOPMENT })).toEqual([]);
  });

  describe('base URLs', () => {
    it.each(['CALLBACK_BASE_URL', 'BROWSER_BASE_URL'])(
      'want %s set (PUBLIC_URL unset: its local default does not count)',
      (setting) => {
        expect(refusedSettings({ [setting]: '' })).toEqual([setting]);
      },
    );

    it('take an https PUBLIC_URL for both, and name PUBLIC_URL once when it is the bad one', () => {
      const both = { CALLBACK_BASE_URL: '', BROWSER_BASE_URL: '' };
      expect(refusedSettings({ ...both, PUBLIC_URL: 'https://pay.example' })).toEqual([]);
      expect(refusedSettings({ ...both, PUBLIC_URL: 'http://pay.example' })).toEqual([
        'PUBLIC_URL',
      ]);
      expect(refusedSettings({ CALLBACK_BASE_URL: '', PUBLIC_URL: 'http://pay.example' })).toEqual([
        'PUBLIC_URL',
      ]);
    });

    it.each([
      'http://callbacks.pay.example',
      'https://127.0.0.1',
      'https://127.1.2.3:8443',
      'https://2130706433',
      'https://0x7f.1',
      'https://localhost',
      'https://LOCALHOST.',
      'https://api.localhost',
      'https://[::1]',
      'https://[::]',
      'https://0.0.0.0',
      'https://10.0.0.5',
      'https://172.16.4.1',
      'https://192.168.1.10',
      'https://100.64.0.1',
      'https://169.254.169.254',
      'https://[fe80::1]',
      'https://[fd12:3456::1]',
      'https://[::ffff:127.0.0.1]',
      'https://[::ffff:10.0.0.1]',
      'https://[::127.0.0.1]',
      'https://[::8.8.8.8]',
      'https://[64:ff9b::7f00:1]',
      // Every IPv4-embedding form, whatever it embeds: the same allow-list as team endpoints.
      'https://[::ffff:8.8.8.8]',
    ])('refuse %s as a base URL', (url) => {
      expect(refusedSettings({ CALLBACK_BASE_URL: url })).toEqual(['CALLBACK_BASE_URL']);
      expect(refusedSettings({ BROWSER_BASE_URL: url })).toEqual(['BROWSER_BASE_URL']);
    });

    it.each([
      'https://pay.example',
      'https://pay.example:8443/3ds',
      'https://8.8.8.8',
      'https://[2606:4700:4700::1111]',
      'https://localhost-payments.example',
    ])('take %s as a base URL', (url) => {
      expect(refusedSettings({ CALLBACK_BASE_URL: url, BROWSER_BASE_URL: url })).toEqual([]);
    });
  });

  describe('processing channels', () => {
    it('want CHECKOUT_PROCESSING_CHANNEL_ID when no team has its own', () => {
      expect(refusedSettings({ CHECKOUT_PROCESSING_CHANNEL_ID: '' })).toEqual([
        'CHECKOUT_PROCESSING_CHANNEL_ID',
      ]);
    });

    it('want a channel for every team of API_KEYS when there is no default', () => {
      const teams = {
        CHECKOUT_PROCESSING_CHANNEL_ID: '',
        API_KEYS: 'team-a:team-a-key-of-our-own-01,team-b:team-b-key-of-our-own-01',
      };
      expect(refusedSettings({ ...teams, TEAM_PROCESSING_CHANNELS: `team-a:${PC_A}` })).toEqual([
        'TEAM_PROCESSING_CHANNELS',
      ]);
      const everyTeam = `team-a:${PC_A},team-b:${PC_B}|${PC_A}`;
      expect(refusedSettings({ ...teams, TEAM_PROCESSING_CHANNELS: everyTeam })).toEqual([]);
      expect(
        refusedSettings({
          ...teams,
          TEAM_PROCESSING_CHANNELS: `team-a:${PC_A}`,
          CHECKOUT_PROCESSING_CHANNEL_ID: PC_B,
        }),
      ).toEqual([]);
    });
  });

  describe('secrets', () => {
    it.each([
      ['API_KEYS', `demo:${DEVELOPMENT.DEMO_API_KEY}`],
      ['API_KEYS', `ours:a-key-of-our-own-000001,demo:${DEVELOPMENT.DEMO_API_KEY}`],
      ['DEMO_API_KEY', DEVELOPMENT.DEMO_API_KEY],
      ['CHECKOUT_CLIENT_SECRET', DEVELOPMENT.CHECKOUT_CLIENT_SECRET],
      ['CHECKOUT_CLIENT_SECRET', DEVELOPMENT.SIMULATOR_CLIENT_SECRET],
      ['CRYPTOGRAM_ENCRYPTION_KEY', DEVELOPMENT.CRYPTOGRAM_ENCRYPTION_KEY],
      ['CARD_FINGERPRINT_KEY', DEVELOPMENT.CARD_FINGERPRINT_KEY],
      ['CHECKOUT_WEBHOOK_SECRETS', DEVELOPMENT.CHECKOUT_WEBHOOK_SECRETS],
      [
        'CHECKOUT_WEBHOOK_SECRETS',
        `our-own-webhook-key-0001,${DEVELOPMENT.SIMULATOR_WEBHOOK_SECRET}`,
      ],
      ['CHECKOUT_WEBHOOK_AUTHORIZATION', DEVELOPMENT.CHECKOUT_CLIENT_SECRET],
    ])('refuse a shipped value in %s', (setting, value) => {
      expect(refusedSettings({ [setting]: value! })).toEqual([setting]);
    });

    it('take secrets of our own, and never quote a refused one', () => {
      expect(
        refusedSettings({
          API_KEYS: 'ours:a-key-of-our-own-000001',
          CHECKOUT_WEBHOOK_SECRETS: 'our-own-webhook-key-0001,our-older-webhook-key-01',
          CHECKOUT_WEBHOOK_AUTHORIZATION: 'Basic b3VyLW93bg==',
        }),
      ).toEqual([]);
      const shipped = DEVELOPMENT.CARD_FINGERPRINT_KEY!;
      expect(() =>
        validateOrchestratorEnvironment({ ...SAFE, CARD_FINGERPRINT_KEY: shipped }),
      ).toThrow(expect.objectContaining({ message: expect.not.stringContaining(shipped) }));
    });
  });

  describe('development switches', () => {
    it.each([
      ['TEAM_EVENTS_ALLOW_PRIVATE_TARGETS', { TEAM_EVENTS_ALLOW_PRIVATE_TARGETS: 'true' }],
      ['DEMO_PAGE', { DEMO_PAGE: 'true', DEMO_API_KEY: 'a-demo-key-of-our-own-01' }],
      ['FAILPOINTS', { FAILPOINTS: 'after_checkout_create' }],
    ])('refuse %s', (setting, overrides) => {
      expect(refusedSettings(overrides)).toEqual([setting]);
    });

    it('take them switched off explicitly', () => {
      expect(
        refusedSettings({ TEAM_EVENTS_ALLOW_PRIVATE_TARGETS: 'false', DEMO_PAGE: 'false' }),
      ).toEqual([]);
    });
  });

  describe('Checkout URLs', () => {
    it.each([
      ['CHECKOUT_API_URL', 'http://127.0.0.1:3001'],
      ['CHECKOUT_API_URL', 'http://api.checkout.com'],
      ['CHECKOUT_API_URL', 'https://api.checkout.com.pay.example'],
      ['CHECKOUT_API_URL', 'https://apicheckout.com'],
      ['CHECKOUT_API_URL', 'https://access.checkout.com'],
      ['CHECKOUT_API_URL', 'https://a.b.api.checkout.com'],
      ['CHECKOUT_TOKEN_URL', 'http://127.0.0.1:3001/connect/token'],
      ['CHECKOUT_TOKEN_URL', 'https://api.checkout.com/connect/token'],
      ['CHECKOUT_TOKEN_URL', 'https://access.sandbox.checkout.com/connect/token'],
    ])('refuse %s=%s', (setting, url) => {
      expect(refusedSettings({ [setting]: url })).toEqual([setting]);
    });

    it.each([
      ['https://api.sandbox.checkout.com', 'https://access.sandbox.checkout.com/connect/token'],
      ['https://ab12cd34.api.checkout.com', 'https://ab12cd34.access.checkout.com/connect/token'],
      [
        'https://pl-ab12.api.sandbox.checkout.com/',
        'https://pl-ab12.access.sandbox.checkout.com/connect/token',
      ],
    ])("take Checkout's own hosts %s and %s", (api, token) => {
      expect(refusedSettings({ CHECKOUT_API_URL: api, CHECKOUT_TOKEN_URL: token })).toEqual([]);
    });

    it('take another upstream only when NON_CHECKOUT_UPSTREAM_HOSTS names its host', () => {
      const simulator = {
        CHECKOUT_API_URL: 'http://127.0.0.1:3001',
        CHECKOUT_TOKEN_URL: 'http://127.0.0.1:3001/connect/token',
      };
      expect(
        refusedSettings({ ...simulator, NON_CHECKOUT_UPSTREAM_HOSTS: '127.0.0.1:3001' }),
      ).toEqual([]);
      expect(refusedSettings({ ...simulator, NON_CHECKOUT_UPSTREAM_HOSTS: '127.0.0.1' })).toEqual(
        [],
      );
      expect(
        refusedSettings({
          CHECKOUT_API_URL: 'http://Simulator.Internal:3001',
          CHECKOUT_TOKEN_URL: 'http://simulator.internal:3001/connect/token',
          NON_CHECKOUT_UPSTREAM_HOSTS: 'SIMULATOR.internal:3001',
        }),
      ).toEqual([]);
      expect(
        refusedSettings({ ...simulator, NON_CHECKOUT_UPSTREAM_HOSTS: '127.0.0.1:3002' }),
      ).toEqual(['CHECKOUT_API_URL', 'CHECKOUT_TOKEN_URL']);
    });
  });

  describe('env files', () => {
    it.each([
      ['--env-file-if-exists=config/development.env'],
      ['--env-file=/srv/threeds/config/development.env'],
      ['--enable-source-maps', '--env-file', 'config/development.env'],
    ])('refuse development defaults given to node (%s)', (...execArgv) => {
      expect(refusedSettings({}, execArgv)).toEqual(['--env-file']);
    });

    it('take an env file of our own', () => {
      expect(refusedSettings({}, ['--env-file=/etc/threeds/production.env'])).toEqual([]);
    });
  });

  it('name every failing setting at once', () => {
    expect(
      refusedSettings({
        CALLBACK_BASE_URL: '',
        FAILPOINTS: 'x',
        CHECKOUT_API_URL: 'http://127.0.0.1:3001',
      }).sort(),
    ).toEqual(['CALLBACK_BASE_URL', 'CHECKOUT_API_URL', 'FAILPOINTS']);
  });

  it('serve /docs in production only when API_DOCS says so', () => {
    const docs = (extra: Record<string, string>) =>
      servesApiDocs(validateOrchestratorEnvironment({ ...SAFE, ...extra }));
    expect(docs({})).toBe(false);
    expect(docs({ API_DOCS: 'true' })).toBe(true);
    expect(docs({ NODE_ENV: 'development' })).toBe(true);
    expect(docs({ NODE_ENV: 'development', API_DOCS: 'false' })).toBe(false);
  });

  describe('Adyen, once configured (docs/adyen-adapter.md#5-configuration)', () => {
    it('start a live account on its own hosts, and a test account on the -test hosts', () => {
      expect(refusedSettings(ADYEN_LIVE)).toEqual([]);
      expect(
        refusedSettings({
          ...ADYEN_LIVE,
          ADYEN_API_URL: 'https://checkout-test.adyen.com/v71',
          ADYEN_PAYMENT_API_URL: 'https://pal-test.adyen.com/pal/servlet/Payment/v68',
          ADYEN_CHECKOUTSHOPPER_URL: 'https://checkoutshopper-test.adyen.com/checkoutshopper',
        }),
      ).toEqual([]);
    });

    it('judge nothing of Adyen while it is not configured', () => {
      expect(refusedSettings({ ADYEN_API_URL: 'http://127.0.0.1:3002/v71' })).toEqual([]);
    });

    it('refuse another host, http, or test and live mixed, unless NON_ADYEN_UPSTREAM_HOSTS names it', () => {
      const simulator = { ...ADYEN_LIVE, ADYEN_API_URL: 'http://adyen-simulator:3002/v71' };
      expect(refusedSettings(simulator)).toEqual(['ADYEN_API_URL']);
      expect(
        refusedSettings({ ...simulator, NON_ADYEN_UPSTREAM_HOSTS: 'adyen-simulator:3002' }),
      ).toEqual([]);
      expect(
        refusedSettings({
          ...ADYEN_LIVE,
          ADYEN_PAYMENT_API_URL: 'https://pal-test.adyen.com/pal/servlet/Payment/v68',
        }),
      ).toEqual(['ADYEN_API_URL']);
      expect(
        refusedSettings({
          ...ADYEN_LIVE,
          ADYEN_CHECKOUTSHOPPER_URL: 'https://checkout-test.adyen.com/checkoutshopper',
        }),
      ).toEqual(['ADYEN_CHECKOUTSHOPPER_URL']);
    });

    it('refuse missing HMAC keys or Basic auth, and the keys this repository ships', () => {
      const {
        ADYEN_HMAC_KEYS: _keys,
        ADYEN_WEBHOOK_USERNAME: _user,
        ADYEN_WEBHOOK_PASSWORD: _pw,
        ...bare
      } = ADYEN_LIVE;
      expect(refusedSettings({ ...bare })).toEqual(['ADYEN_HMAC_KEYS', 'ADYEN_WEBHOOK_USERNAME']);
      expect(
        refusedSettings({
          ...ADYEN_LIVE,
          ADYEN_API_KEY: 'AQE-e2e-adyen-simulator-key',
          ADYEN_HMAC_KEYS: `AB12,${'44782def547aaa06c910c43932b1eb0c71fc68d9d0c057550c48ec2acf6ba056'}`,
        }),
      ).toEqual(['ADYEN_API_KEY', 'ADYEN_HMAC_KEYS']);
    });
  });
});
