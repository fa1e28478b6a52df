import type { CheckoutSessionsClient } from '@app/checkout-client';
import {
  UpstreamBusyError,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from '@app/domain';
import type { CheckoutConfig } from '../../config/checkout.config.js';
import type { CheckoutSessionRequests } from './checkout-session-request.js';
import { CheckoutProvider } from './checkout.provider.js';

const DEFAULT = `pc_${'d'.repeat(26)}`;
const A_OWN = `pc_${'a'.repeat(26)}`;
const config = {
  channels: ['browser'],
  timeoutMs: 1_000,
  authenticationTimeoutMs: 2_000,
  processingChannels: { default: DEFAULT, byTeam: new Map([['team-a', [A_OWN]]]) },
} as unknown as CheckoutConfig;
const sut = new CheckoutProvider(
  {} as CheckoutSessionsClient,
  {} as CheckoutSessionRequests,
  config,
);

describe("Checkout's account behind the port", () => {
  it("gives a team its own processing channels, else the account's default", () => {
    expect(sut.processingChannelsOf('team-a')).toEqual([A_OWN]);
    expect(sut.processingChannelsOf('team-c')).toEqual([DEFAULT]);
  });

  it('holds an update for every call it may make, and lets a waiter give up sooner', () => {
    expect(sut.updateWindow).toEqual({ holdMs: 6 * 1_000 + 2 * 2_000, waitMs: 2 * 2_000 });
    expect(sut.channels).toEqual(['browser']);
  });
});

const refused = (status: number, ...codes: string[]) =>
  new UpstreamRejectedRequestError('create session', status, 'request_invalid', codes);

describe("Checkout's failure classes", () => {
  it.each([
    ['no answer', new UpstreamUnavailableError('get session', 'ECONNREFUSED'), 'unavailable'],
    [
      'a timeout after sending',
      new UpstreamUnavailableError('create session', 'ECONNABORTED', undefined, true),
      'outcome_unknown',
    ],
    ['an unknown create', new UpstreamOutcomeUnknownError('auth_1'), 'outcome_unknown'],
    ['429', new UpstreamBusyError('create session', 429, 3), 'busy'],
    ['404', refused(404), 'not_found'],
    ['422', refused(422, 'amount_invalid'), 'rejected'],
  ])('classes %s', (_name, error, expected) => {
    expect(sut.failureOf(error)?.class).toBe(expected);
  });

  it('says which refusals mean "not enrolled" or "already past that step"', () => {
    expect(sut.failureOf(refused(403, 'card_not_enrolled'))).toEqual({
      class: 'rejected',
      providerCodes: ['card_not_enrolled'],
      cardNotEnrolled: true,
      sessionMovedOn: false,
    });
    expect(sut.failureOf(refused(422, 'update_not_allowed_due_to_state'))).toMatchObject({
      cardNotEnrolled: false,
      sessionMovedOn: true,
    });
  });

  it('leaves errors that are not Checkout calls unclassed', () => {
    expect(sut.failureOf(new Error('bug'))).toBeNull();
  });
});
