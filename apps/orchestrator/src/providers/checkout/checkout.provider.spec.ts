import type { CheckoutSessionsClient } from '@app/checkout-client';
import {
  UpstreamBusyError,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from '@app/domain';
import type { CheckoutSessionRequests } from './checkout-session-request.js';
import { CheckoutProvider } from './checkout.provider.js';

const sut = new CheckoutProvider({} as CheckoutSessionsClient, {} as CheckoutSessionRequests);

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
