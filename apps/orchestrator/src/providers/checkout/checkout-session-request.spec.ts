import type { SessionRequest } from '@app/domain';
import { checkoutSessionRequest, processingChannelFor } from './checkout-session-request.js';

const DEFAULT_CHANNEL = 'pc_defaultdefaultdefaultdefau';
const TEAM_A_CHANNEL = 'pc_teamateamateamateamateamaa';
const REQUESTED_CHANNEL = 'pc_requestedrequestedrequestt';
const NO_CHANNELS = { default: undefined, byTeam: new Map<string, string[]>() };

const channels = {
  default: DEFAULT_CHANNEL,
  byTeam: new Map([['team-a', [TEAM_A_CHANNEL, REQUESTED_CHANNEL]]]),
};

const COMPLETION = {
  type: 'non_hosted',
  callback_url: 'https://callbacks.example/callbacks/checkout/auth_1/token',
  challenge_notification_url: 'https://pay.example/notifications/challenge/auth_1',
} as const;

const request = (extra: Partial<SessionRequest> = {}) =>
  ({
    source: { type: 'card', number: '4485040371536584', expiry_month: 1, expiry_year: 2030 },
    amount: 1999,
    currency: 'EUR',
    channel: 'browser',
    reference: 'ORD-1',
    ...extra,
  }) as SessionRequest;

describe('processingChannelFor', () => {
  it("takes the request's own processing channel first (the guard let only the team's through)", () => {
    expect(processingChannelFor('team-a', REQUESTED_CHANNEL, channels)).toBe(REQUESTED_CHANNEL);
  });

  it("takes the team's first processing channel when the request gives none", () => {
    expect(processingChannelFor('team-a', undefined, channels)).toBe(TEAM_A_CHANNEL);
  });

  it('falls back to the default for a team without its own', () => {
    expect(processingChannelFor('team-b', undefined, channels)).toBe(DEFAULT_CHANNEL);
  });

  it('gives none when nothing is configured (the key is bound to one)', () => {
    expect(processingChannelFor('team-b', undefined, NO_CHANNELS)).toBeUndefined();
  });
});

describe('checkoutSessionRequest', () => {
  it('sends the chosen processing channel, our completion URLs and the fields as given', () => {
    const body = checkoutSessionRequest('team-b', request(), COMPLETION, channels);
    expect(body).toEqual({
      source: request().source,
      amount: 1999,
      currency: 'EUR',
      reference: 'ORD-1',
      processing_channel_id: DEFAULT_CHANNEL,
      completion: COMPLETION,
    });
  });

  it('leaves processing_channel_id out when none applies, and never sends our `channel`', () => {
    const body = checkoutSessionRequest('team-b', request(), COMPLETION, NO_CHANNELS);
    expect(body).not.toHaveProperty('processing_channel_id');
    expect(body).not.toHaveProperty('channel');
  });

  it("keeps the request's processing channel over the team's and passes channel data on", () => {
    const channelData = { channel: 'browser' } as SessionRequest['channel_data'];
    const body = checkoutSessionRequest(
      'team-a',
      request({ processing_channel_id: REQUESTED_CHANNEL, channel_data: channelData }),
      COMPLETION,
      channels,
    );
    expect(body).toMatchObject({
      processing_channel_id: REQUESTED_CHANNEL,
      channel_data: channelData,
    });
  });

  it("keeps the cardholder's contact details and scheme choice on the source", () => {
    const source = {
      type: 'token',
      token: `tok_${'t'.repeat(26)}`,
      scheme: 'cartes_bancaires',
      email: 'jane.doe@example.com',
      mobile_phone: { country_code: '33', number: '612345678' },
      billing_address: { city: 'Paris', country: 'FR' },
    } as SessionRequest['source'];
    const body = checkoutSessionRequest('team-b', request({ source }), COMPLETION, channels);
    expect(body.source).toEqual(source);
  });

  it("sends a hosted completion as given, and never the team's own pages", () => {
    const hosted = {
      type: 'hosted',
      success_url: 'https://pay.example/hosted/auth_1/token/success',
      failure_url: 'https://pay.example/hosted/auth_1/token/failure',
    } as const;
    const teamPages = {
      success_url: 'https://shop.example/ok',
      failure_url: 'https://shop.example/ko',
    };
    const body = checkoutSessionRequest('team-b', request({ hosted: teamPages }), hosted, channels);
    expect(body.completion).toEqual(hosted);
    expect(body).not.toHaveProperty('hosted');
  });
});
