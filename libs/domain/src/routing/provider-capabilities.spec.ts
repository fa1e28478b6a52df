import type { BrowserChannelData, SessionRequest } from '../provider/session-request.js';
import {
  providerNeedsOf,
  unmetNeeds,
  type ProviderCapabilities,
  type ProviderNeeds,
} from './provider-capabilities.js';

const EVERYTHING: ProviderCapabilities = {
  channels: ['browser', 'app', 'merchant_initiated'],
  threeDs1Fallback: true,
  hosted: true,
  checkoutPaymentSession: true,
  channelDataAfterCreate: true,
  nonPayment: true,
  idempotentCreate: true,
};

const NOTHING_EXTRA: ProviderCapabilities = {
  channels: ['browser'],
  threeDs1Fallback: false,
  hosted: false,
  checkoutPaymentSession: false,
  channelDataAfterCreate: false,
  nonPayment: false,
  idempotentCreate: false,
};

const PLAIN: ProviderNeeds = {
  channel: 'browser',
  hosted: false,
  threeDs1Fallback: false,
  checkoutPaymentSession: false,
  channelDataAfterCreate: false,
  nonPayment: false,
};

describe('unmetNeeds', () => {
  it.each<[string, Partial<ProviderNeeds>, ProviderCapabilities, string[]]>([
    ['a plain browser create, by a provider with the least', {}, NOTHING_EXTRA, []],
    ['a plain browser create, by one with everything', {}, EVERYTHING, []],
    ['an app create, no SDK flow', { channel: 'app' }, NOTHING_EXTRA, ['channel']],
    ['an app create, an SDK flow', { channel: 'app' }, EVERYTHING, []],
    ['3RI, not offered', { channel: 'merchant_initiated' }, NOTHING_EXTRA, ['channel']],
    ['hosted, no hosted page', { hosted: true }, NOTHING_EXTRA, ['hosted']],
    ['hosted, a hosted page', { hosted: true }, EVERYTHING, []],
    ['relying on 3DS1, none', { threeDs1Fallback: true }, NOTHING_EXTRA, ['three_ds1_fallback']],
    ['relying on 3DS1, there', { threeDs1Fallback: true }, EVERYTHING, []],
    [
      'paying through Checkout, another session id',
      { checkoutPaymentSession: true },
      NOTHING_EXTRA,
      ['checkout_payment_session'],
    ],
    ['paying through Checkout, a sid_', { checkoutPaymentSession: true }, EVERYTHING, []],
    [
      'channel data later, by one that starts in its create',
      { channelDataAfterCreate: true },
      NOTHING_EXTRA,
      ['channel_data_after_create'],
    ],
    ['channel data later, taken later', { channelDataAfterCreate: true }, EVERYTHING, []],
    ['no amount, payments only', { nonPayment: true }, NOTHING_EXTRA, ['non_payment']],
    ['no amount, non-payment offered', { nonPayment: true }, EVERYTHING, []],
    [
      'everything, by a provider with the least: all in order',
      {
        channel: 'app',
        hosted: true,
        threeDs1Fallback: true,
        checkoutPaymentSession: true,
        channelDataAfterCreate: true,
        nonPayment: true,
      },
      NOTHING_EXTRA,
      [
        'channel',
        'hosted',
        'three_ds1_fallback',
        'checkout_payment_session',
        'channel_data_after_create',
        'non_payment',
      ],
    ],
  ])('%s', (_, needs, capabilities, expected) => {
    expect(unmetNeeds({ ...PLAIN, ...needs }, capabilities)).toEqual(expected);
  });
});

const BROWSER_DATA: BrowserChannelData = {
  channel: 'browser',
  accept_header: 'text/html',
  java_enabled: false,
  javascript_enabled: true,
  language: 'en-GB',
  color_depth: '24',
  screen_height: '900',
  screen_width: '1440',
  timezone: '0',
  user_agent: 'Mozilla/5.0',
  ip_address: '192.0.2.10',
};

describe('providerNeedsOf', () => {
  const request: SessionRequest = {
    source: { type: 'id', id: 'src_abc' },
    currency: 'EUR',
    reference: 'ORD-1',
    channel: 'app',
  };
  const team = { threeDs1Fallback: true, checkoutPaymentSession: false };

  it('reads the channel and hosted mode from the create, the rest from the team', () => {
    expect(providerNeedsOf(request, team)).toEqual({
      channel: 'app',
      hosted: false,
      threeDs1Fallback: true,
      checkoutPaymentSession: false,
      channelDataAfterCreate: true,
      nonPayment: true,
    });
    expect(
      providerNeedsOf(
        {
          ...request,
          channel: 'browser',
          hosted: { success_url: 'https://a', failure_url: 'https://b' },
        },
        team,
      ).hosted,
    ).toBe(true);
  });

  it.each<[string, Partial<SessionRequest>, boolean]>([
    ['a browser create without channel data', { channel: 'browser' }, true],
    ['an app create without channel data', { channel: 'app' }, true],
    [
      'a browser create with its channel data',
      { channel: 'browser', channel_data: BROWSER_DATA },
      false,
    ],
    [
      'a hosted create: the hosted page collects it',
      { channel: 'browser', hosted: { success_url: 'https://a', failure_url: 'https://b' } },
      false,
    ],
    ['a 3RI: no cardholder device', { channel: 'merchant_initiated' }, false],
  ])('channel data after create: %s', (_, change, expected) => {
    expect(providerNeedsOf({ ...request, ...change }, team).channelDataAfterCreate).toBe(expected);
  });

  it('needs a non-payment authentication only when the create has no amount', () => {
    expect(providerNeedsOf(request, team).nonPayment).toBe(true);
    expect(providerNeedsOf({ ...request, amount: 0 }, team).nonPayment).toBe(false);
    expect(providerNeedsOf({ ...request, amount: 1250 }, team).nonPayment).toBe(false);
  });
});
