import {
  UpstreamBusyError,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from '@app/domain';
import {
  adyenFailureOf,
  authenticationNotFound,
  MOVED_ON_CODES,
  movedOn,
} from './adyen-failures.js';

const refused = (operation: string, status: number, codes: string[], errorType = 'validation') =>
  new UpstreamRejectedRequestError(operation, status, errorType, codes, undefined, 'Adyen');

describe('adyenFailureOf (docs/adyen-adapter.md#failures)', () => {
  it.each([
    [
      'nothing sent',
      new UpstreamUnavailableError('create payment', 'ECONNREFUSED', undefined, false, 'Adyen'),
      'unavailable',
    ],
    [
      'a write maybe processed',
      new UpstreamUnavailableError('payment details', 'deadline passed', undefined, true, 'Adyen'),
      'outcome_unknown',
    ],
    [
      'a read lost',
      new UpstreamUnavailableError('retrieve result', 'HTTP 500', undefined, false, 'Adyen'),
      'unavailable',
    ],
    ['the flow’s own', new UpstreamOutcomeUnknownError('auth_1'), 'outcome_unknown'],
    ['429', new UpstreamBusyError('create payment', 429, 3, undefined, 'Adyen'), 'busy'],
    [
      '401, 403, 404: our configuration, as the client throws them',
      new UpstreamUnavailableError('create payment', 'HTTP 401 000', undefined, false, 'Adyen'),
      'unavailable',
    ],
    ['another 4xx of the same status', refused('retrieve result', 404, []), 'rejected'],
    ['422 704', refused('create payment', 422, ['704']), 'outcome_unknown'],
    ['422 to retrieve3ds2Result', refused('retrieve result', 422, ['702']), 'not_found'],
    ['our not found', authenticationNotFound(), 'not_found'],
  ])('%s → %s', (_name, error, failureClass) => {
    expect(adyenFailureOf(error)?.class).toBe(failureClass);
  });

  it('another 4xx is rejected with its errorCode', () => {
    expect(adyenFailureOf(refused('create payment', 422, ['101']))).toEqual({
      class: 'rejected',
      providerCodes: ['101'],
      cardNotEnrolled: false,
      sessionMovedOn: false,
    });
    expect(adyenFailureOf(refused('payment details', 422, ['702']))).toMatchObject({
      class: 'rejected',
      providerCodes: ['702'],
    });
  });

  it('a card not enrolled and a step moved past are told apart', () => {
    expect(
      adyenFailureOf(refused('read answer', 200, ['AuthenticationNotRequired'], 'result_code')),
    ).toMatchObject({
      cardNotEnrolled: true,
      sessionMovedOn: false,
    });
    expect(
      adyenFailureOf(movedOn('submit channel data', MOVED_ON_CODES.channelDataOnlyAtCreate)),
    ).toMatchObject({
      class: 'rejected',
      sessionMovedOn: true,
    });
  });

  it('is null for what no call threw', () => {
    expect(adyenFailureOf(new Error('boom'))).toBeNull();
  });
});
