import { PROCESSING_CHANNELS } from '../test-config.js';
import { appSdkChannelData } from './app-sdk.js';

/**
 * Request bodies as a merchant would send them to Checkout, on one of the simulator's
 * processing channels (its client is bound to none); override any field.
 */
export function aSessionRequest(
  overrides: Record<string, unknown> & { number?: string } = {},
): Record<string, unknown> {
  const { number = '4485040371536584', ...rest } = overrides;
  return {
    source: { type: 'card', number, expiry_month: 12, expiry_year: 2030 },
    amount: 6540,
    currency: 'USD',
    reference: 'ORD-5023-4E89',
    processing_channel_id: PROCESSING_CHANNELS.default,
    completion: { type: 'non_hosted' },
    ...rest,
  };
}

export function aBrowserChannel(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'browser',
    accept_header: 'text/html,application/xhtml+xml',
    java_enabled: false,
    javascript_enabled: true,
    language: 'en-GB',
    color_depth: '24',
    screen_height: '1080',
    screen_width: '1920',
    timezone: '-60',
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36',
    ip_address: '203.0.113.10',
    ...overrides,
  };
}

export function anAppChannel(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...appSdkChannelData(), ...overrides };
}

/** 3RI channel data: no cardholder, only why the merchant authenticates. */
export function aMerchantInitiatedChannel(
  requestType = 'recurring_transaction',
): Record<string, unknown> {
  return { channel: 'merchant_initiated', request_type: requestType };
}

/** The earlier, cardholder-present authentication a 3RI one links to. */
export const AN_INITIAL_TRANSACTION = {
  acs_transaction_id: 'be481bd1-1f1e-4d1b-a0c3-0f6bcd5cd2a1',
  authentication_method: 'challenge_occurred',
  authentication_timestamp: '2026-11-02T10:00:00Z',
};
