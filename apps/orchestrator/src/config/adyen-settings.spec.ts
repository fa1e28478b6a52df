import { EnvironmentValidationError } from '@app/common';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

const CHECKOUT = {
  CHECKOUT_API_URL: 'https://api.checkout.com',
  CHECKOUT_TOKEN_URL: 'https://access.checkout.com/connect/token',
  CHECKOUT_CLIENT_ID: 'ack_ourliveclient',
  CHECKOUT_CLIENT_SECRET: 'a-client-secret-of-our-own',
  CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 42).toString('base64'),
  CARD_FINGERPRINT_KEY: 'a-card-fingerprint-key-of-our-own-0000000',
};
const PRODUCTION = {
  ...CHECKOUT,
  NODE_ENV: 'production',
  CALLBACK_BASE_URL: 'https://callbacks.pay.example',
  BROWSER_BASE_URL: 'https://pay.example',
  CHECKOUT_PROCESSING_CHANNEL_ID: `pc_${'a'.repeat(26)}`,
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

/** The settings a start refuses, by name, or [] when it starts. */
function refused(env: Record<string, string>): string[] {
  try {
    validateOrchestratorEnvironment(env);
    return [];
  } catch (error) {
    if (!(error instanceof EnvironmentValidationError)) throw error;
    return error.problems.map((problem) => problem.setting);
  }
}

describe('Adyen settings (docs/adyen-adapter.md#5-configuration)', () => {
  it('start without Adyen: Adyen test URLs by default, nothing required', () => {
    const env = validateOrchestratorEnvironment(CHECKOUT);
    expect(env.ADYEN_API_URL).toBe('https://checkout-test.adyen.com/v71');
    expect(env.ADYEN_AUTHENTICATION_LIFETIME_SECONDS).toBe(900);
    expect(env.ADYEN_API_KEY).toBeUndefined();
  });

  it('stop start-up when THREEDS_PROVIDER or a routing policy names adyen without ADYEN_API_KEY', () => {
    expect(refused({ ...CHECKOUT, THREEDS_PROVIDER: 'adyen' })).toEqual(['ADYEN_API_KEY']);
    const policy = JSON.stringify({
      'to-adyen': { version: '1', rules: [], otherwise: { providers: ['adyen', 'checkout'] } },
    });
    const file = join(mkdtempSync(join(tmpdir(), 'adyen-settings-')), 'routing.json');
    writeFileSync(file, policy);
    expect(
      refused({ ...CHECKOUT, ROUTING_POLICIES: 'team-a:to-adyen', ROUTING_POLICY_FILE: file }),
    ).toEqual(['ADYEN_API_KEY']);
    expect(
      refused({
        ...CHECKOUT,
        ROUTING_POLICIES: 'team-a:to-adyen',
        ROUTING_POLICY_FILE: file,
        ADYEN_API_KEY: 'AQE-key',
        ADYEN_MERCHANT_ACCOUNT: 'AcmeECOM',
        ADYEN_CLIENT_KEY: 'test_KEY',
      }),
    ).toEqual([]);
  });

  it('want the merchant account and the client key with ADYEN_API_KEY, and Basic auth as a pair', () => {
    expect(refused({ ...CHECKOUT, ADYEN_API_KEY: 'AQE-key' })).toEqual([
      'ADYEN_MERCHANT_ACCOUNT',
      'ADYEN_CLIENT_KEY',
    ]);
    expect(refused({ ...CHECKOUT, ADYEN_WEBHOOK_USERNAME: 'adyen' })).toEqual([
      'ADYEN_WEBHOOK_PASSWORD',
    ]);
    expect(refused({ ...CHECKOUT, ADYEN_HMAC_KEYS: 'ABC' })).toEqual(['ADYEN_HMAC_KEYS']);
    expect(refused({ ...CHECKOUT, ADYEN_CLIENT_KEY: 'pub.v2.123' })).toEqual(['ADYEN_CLIENT_KEY']);
  });

  describe('in production', () => {
    it('start a live account on its own hosts, and a test account on the -test hosts', () => {
      expect(refused({ ...PRODUCTION, ...ADYEN_LIVE })).toEqual([]);
      expect(
        refused({
          ...PRODUCTION,
          ...ADYEN_LIVE,
          ADYEN_API_URL: 'https://checkout-test.adyen.com/v71',
          ADYEN_PAYMENT_API_URL: 'https://pal-test.adyen.com/pal/servlet/Payment/v68',
          ADYEN_CHECKOUTSHOPPER_URL: 'https://checkoutshopper-test.adyen.com/checkoutshopper',
        }),
      ).toEqual([]);
    });

    it('judge nothing of Adyen while it is not configured', () => {
      expect(refused({ ...PRODUCTION, ADYEN_API_URL: 'http://127.0.0.1:3002/v71' })).toEqual([]);
    });

    it('refuse another host, http, or test and live mixed, unless NON_ADYEN_UPSTREAM_HOSTS names it', () => {
      const simulator = { ...ADYEN_LIVE, ADYEN_API_URL: 'http://adyen-simulator:3002/v71' };
      expect(refused({ ...PRODUCTION, ...simulator })).toEqual(['ADYEN_API_URL']);
      expect(
        refused({ ...PRODUCTION, ...simulator, NON_ADYEN_UPSTREAM_HOSTS: 'adyen-simulator:3002' }),
      ).toEqual([]);
      expect(
        refused({
          ...PRODUCTION,
          ...ADYEN_LIVE,
          ADYEN_PAYMENT_API_URL: 'https://pal-test.adyen.com/pal/servlet/Payment/v68',
        }),
      ).toEqual(['ADYEN_API_URL']);
      expect(
        refused({
          ...PRODUCTION,
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
      expect(refused({ ...PRODUCTION, ...bare })).toEqual([
        'ADYEN_HMAC_KEYS',
        'ADYEN_WEBHOOK_USERNAME',
      ]);
      expect(
        refused({
          ...PRODUCTION,
          ...ADYEN_LIVE,
          ADYEN_API_KEY: 'AQE-e2e-adyen-simulator-key',
          ADYEN_HMAC_KEYS: `AB12,${'44782def547aaa06c910c43932b1eb0c71fc68d9d0c057550c48ec2acf6ba056'}`,
        }),
      ).toEqual(['ADYEN_API_KEY', 'ADYEN_HMAC_KEYS']);
    });
  });
});
