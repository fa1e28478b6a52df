import { sessionScopes } from '@app/checkout-client';
import {
  allowedProcessingChannels,
  parseChannels,
  parseTeamProcessingChannels,
} from './checkout-channels.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  browserBaseUrl,
  callbackBaseUrl,
  validateOrchestratorEnvironment,
} from './orchestrator.environment.js';

const REQUIRED = {
  CHECKOUT_API_URL: 'https://api.sandbox.checkout.com',
  CHECKOUT_TOKEN_URL: 'https://access.sandbox.checkout.com/connect/token',
  CHECKOUT_CLIENT_ID: 'ack_test',
  CHECKOUT_CLIENT_SECRET: 'test-secret',
  CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  CARD_FINGERPRINT_KEY: 'test-card-fingerprint-key-0000000000000',
};
const PC_A = `pc_${'a'.repeat(26)}`;
const PC_B = `pc_${'b'.repeat(26)}`;
const PC_C = `pc_${'c'.repeat(26)}`;

const validate = (extra: Record<string, string>) =>
  validateOrchestratorEnvironment({ ...REQUIRED, ...extra });

describe('orchestrator environment: Checkout channels and processing channels', () => {
  it('enables both channels by default, and asks for both scopes', () => {
    const channels = parseChannels(validate({}).CHECKOUT_CHANNELS);
    expect(channels).toEqual(['browser', 'app']);
    expect(sessionScopes(channels)).toEqual(['sessions:browser', 'sessions:app']);
  });

  it('asks only for the browser scope when only the browser channel is enabled', () => {
    const channels = parseChannels(validate({ CHECKOUT_CHANNELS: 'browser' }).CHECKOUT_CHANNELS);
    expect(channels).toEqual(['browser']);
    expect(sessionScopes(channels)).toEqual(['sessions:browser']);
  });

  it('enables 3RI beside the cardholder channels when listed', () => {
    const channels = parseChannels(
      validate({ CHECKOUT_CHANNELS: 'merchant_initiated,browser' }).CHECKOUT_CHANNELS,
    );
    expect(channels).toEqual(['browser', 'merchant_initiated']);
    expect(sessionScopes(channels)).toEqual(['sessions:browser']);
  });

  it.each(['merchant', 'browser,', 'browser app', 'BROWSER'])(
    'refuses CHECKOUT_CHANNELS=%s',
    (value) => {
      expect(() => validate({ CHECKOUT_CHANNELS: value })).toThrow(/CHECKOUT_CHANNELS: /);
    },
  );

  it('takes a default processing channel and per-team ones', () => {
    const env = validate({
      CHECKOUT_PROCESSING_CHANNEL_ID: PC_A,
      TEAM_PROCESSING_CHANNELS: `team-a:${PC_B},team_b:${PC_A}`,
    });
    expect(env.CHECKOUT_PROCESSING_CHANNEL_ID).toBe(PC_A);
    expect(parseTeamProcessingChannels(env.TEAM_PROCESSING_CHANNELS)).toEqual(
      new Map([
        ['team-a', [PC_B]],
        ['team_b', [PC_A]],
      ]),
    );
    expect(parseTeamProcessingChannels(validate({}).TEAM_PROCESSING_CHANNELS)).toEqual(new Map());
  });

  it("takes several channels per team, separated by |, the team's default first", () => {
    const env = validate({ TEAM_PROCESSING_CHANNELS: `team-a:${PC_B}|${PC_A},team-b:${PC_A}` });
    const byTeam = parseTeamProcessingChannels(env.TEAM_PROCESSING_CHANNELS);
    expect(byTeam).toEqual(
      new Map([
        ['team-a', [PC_B, PC_A]],
        ['team-b', [PC_A]],
      ]),
    );
    const channels = { default: PC_C, byTeam };
    expect(allowedProcessingChannels('team-a', channels)).toEqual([PC_B, PC_A]);
    expect(allowedProcessingChannels('team-c', channels)).toEqual([PC_C]);
    expect(allowedProcessingChannels('team-c', { default: undefined, byTeam })).toEqual([]);
  });

  it.each(['pc_short', `ch_${'a'.repeat(26)}`, `pc_${'a'.repeat(27)}`])(
    'refuses CHECKOUT_PROCESSING_CHANNEL_ID=%s',
    (value) => {
      expect(() => validate({ CHECKOUT_PROCESSING_CHANNEL_ID: value })).toThrow(
        /CHECKOUT_PROCESSING_CHANNEL_ID: /,
      );
    },
  );

  it.each([
    `team-a=${PC_A}`,
    `team-a:pc_short`,
    `Team-A:${PC_A}`,
    `team-a:${PC_A};team-b:${PC_B}`,
    `team-a:${PC_A}|`,
    `team-a:${PC_A}||${PC_B}`,
    `team-a:${PC_A}|team-b:${PC_B}`,
  ])('refuses TEAM_PROCESSING_CHANNELS=%s', (value) => {
    expect(() => validate({ TEAM_PROCESSING_CHANNELS: value })).toThrow(
      /TEAM_PROCESSING_CHANNELS: /,
    );
  });

  it('refuses a team given two processing channels', () => {
    expect(() => validate({ TEAM_PROCESSING_CHANNELS: `team-a:${PC_A},team-a:${PC_B}` })).toThrow(
      /TEAM_PROCESSING_CHANNELS: team team-a is listed more than once/,
    );
  });
});

describe('orchestrator environment: base URLs', () => {
  it('serves Checkout and browsers from PUBLIC_URL unless told otherwise', () => {
    const env = validate({ PUBLIC_URL: 'https://pay.example/' });
    expect(callbackBaseUrl(env)).toBe('https://pay.example');
    expect(browserBaseUrl(env)).toBe('https://pay.example');
  });

  it('keeps the callback and browser base URLs apart when both are set', () => {
    const env = validate({
      CALLBACK_BASE_URL: 'https://callbacks.internal.example',
      BROWSER_BASE_URL: 'https://pay.example/',
    });
    expect(callbackBaseUrl(env)).toBe('https://callbacks.internal.example');
    expect(browserBaseUrl(env)).toBe('https://pay.example');
  });

  it('serves a local run from 127.0.0.1:3000 when nothing is set', () => {
    expect(callbackBaseUrl(validate({}))).toBe('http://127.0.0.1:3000');
    expect(browserBaseUrl(validate({}))).toBe('http://127.0.0.1:3000');
  });
});

describe('orchestrator environment: Checkout deadlines', () => {
  it('gives calls that wait for the issuer 15 s and the others 10 s by default', () => {
    const env = validate({});
    expect(env.CHECKOUT_TIMEOUT_MS).toBe(10_000);
    expect(env.CHECKOUT_AUTHENTICATION_TIMEOUT_MS).toBe(15_000);
  });

  it('wants the creation deadline beyond the longest create (token and POST, twice)', () => {
    const tight = { CHECKOUT_TIMEOUT_MS: '1000', CHECKOUT_AUTHENTICATION_TIMEOUT_MS: '4000' };
    expect(() => validate({ ...tight, RECHECK_CREATION_MS: '10000' })).toThrow(
      /RECHECK_CREATION_MS: must be longer than/,
    );
    expect(() => validate({ ...tight, RECHECK_CREATION_MS: '10001' })).not.toThrow();
  });
});

describe('orchestrator environment: Adyen (docs/adyen-adapter.md#5-configuration)', () => {
  const ADYEN = {
    ADYEN_API_KEY: 'AQE-key',
    ADYEN_MERCHANT_ACCOUNT: 'AcmeECOM',
    ADYEN_CLIENT_KEY: 'test_KEY',
  };

  it('starts without Adyen: Adyen test URLs by default, nothing required', () => {
    const env = validate({});
    expect(env.ADYEN_API_URL).toBe('https://checkout-test.adyen.com/v71');
    expect(env.ADYEN_AUTHENTICATION_LIFETIME_SECONDS).toBe(900);
    expect(env.ADYEN_API_KEY).toBeUndefined();
  });

  it('stops when THREEDS_PROVIDER or a routing policy names adyen without ADYEN_API_KEY', () => {
    expect(() => validate({ THREEDS_PROVIDER: 'adyen' })).toThrow(
      /ADYEN_API_KEY: required: THREEDS_PROVIDER is adyen/,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'adyen-routing-')), 'routing.json');
    writeFileSync(
      file,
      JSON.stringify({
        'to-adyen': { version: '1', rules: [], otherwise: { providers: ['checkout', 'adyen'] } },
      }),
    );
    const routed = { ROUTING_POLICIES: 'team-a:to-adyen', ROUTING_POLICY_FILE: file };
    expect(() => validate(routed)).toThrow(
      /ADYEN_API_KEY: required: the routing policy of team team-a names adyen/,
    );
    expect(() => validate({ ...routed, ...ADYEN, THREEDS_PROVIDER: 'adyen' })).not.toThrow();
  });

  it.each([
    [{ ADYEN_API_KEY: 'AQE-key' }, /ADYEN_MERCHANT_ACCOUNT: required with ADYEN_API_KEY/],
    [{ ADYEN_API_KEY: 'AQE-key' }, /ADYEN_CLIENT_KEY: required with ADYEN_API_KEY/],
    [{ ADYEN_WEBHOOK_USERNAME: 'adyen' }, /ADYEN_WEBHOOK_PASSWORD: /],
    [{ ADYEN_HMAC_KEYS: 'ABC' }, /ADYEN_HMAC_KEYS: /],
    [{ ADYEN_HMAC_KEYS: 'AB,CD,EF' }, /ADYEN_HMAC_KEYS: /],
    [{ ADYEN_CLIENT_KEY: 'pub.v2.123' }, /ADYEN_CLIENT_KEY: /],
  ])('refuses %j', (settings, message) => {
    expect(() => validate(settings)).toThrow(message);
  });
});
