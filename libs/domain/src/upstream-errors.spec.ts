import {
  UpstreamBusyError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from './upstream-errors.js';

describe('upstream errors', () => {
  it('name Checkout when the client names no provider, as before Adyen', () => {
    expect(new UpstreamUnavailableError('get session', 'ECONNREFUSED').message).toBe(
      'Checkout get session failed: ECONNREFUSED',
    );
    expect(new UpstreamBusyError('create session', 429, 3).message).toBe(
      'Checkout is busy (create session: HTTP 429); retry later',
    );
    expect(
      new UpstreamRejectedRequestError('create session', 422, 'request_invalid', ['x']).message,
    ).toBe('Checkout refused create session: request_invalid x');
  });

  it('name the provider a client passes, with the same codes and details', () => {
    const unavailable = new UpstreamUnavailableError(
      'create payment',
      'HTTP 500',
      undefined,
      true,
      'Adyen',
    );
    const busy = new UpstreamBusyError('payment details', 429, 2, undefined, 'Adyen');
    const rejected = new UpstreamRejectedRequestError(
      'create payment',
      422,
      'validation',
      ['101'],
      undefined,
      'Adyen',
    );

    expect([unavailable.message, busy.message, rejected.message]).toEqual([
      'Adyen create payment failed: HTTP 500',
      'Adyen is busy (payment details: HTTP 429); retry later',
      'Adyen refused create payment: validation 101',
    ]);
    expect([unavailable.code, busy.code, rejected.code]).toEqual([
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_BUSY',
      'UPSTREAM_REJECTED_REQUEST',
    ]);
    expect(unavailable.maybeProcessed).toBe(true);
    expect(Object.keys(rejected.details).sort()).toEqual([
      'cko_request_id',
      'error_codes',
      'error_type',
      'operation',
      'status',
    ]);
  });
});
