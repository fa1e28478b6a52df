import type { SessionRequest } from '../provider/session-request.js';
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
};

const NOTHING_EXTRA: ProviderCapabilities = {
  channels: ['browser'],
  threeDs1Fallback: false,
  hosted: false,
  checkoutPaymentSession: false,
};

const PLAIN: ProviderNeeds = {
  channel: 'browser',
  hosted: false,
  threeDs1Fallback: false,
  checkoutPaymentSession: false,
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
      'everything, by a provider with the least: all in order',
      { channel: 'app', hosted: true, threeDs1Fallback: true, checkoutPaymentSession: true },
      NOTHING_EXTRA,
      ['channel', 'hosted', 'three_ds1_fallback', 'checkout_payment_session'],
    ],
  ])('%s', (_, needs, capabilities, expected) => {
    expect(unmetNeeds({ ...PLAIN, ...needs }, capabilities)).toEqual(expected);
  });
});

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
});
