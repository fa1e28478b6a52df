/** Checkout's `error_type` vocabulary for the Sessions API (docs/checkout-sessions.md#errors). */
export type CheckoutErrorType =
  | 'operation_not_allowed'
  | 'not_found'
  | 'unprocessable_entity'
  | 'duplicate_requests_detected'
  | 'callback_failed'
  | 'service_not_available'
  | 'internal_server_error';

/**
 * An error answered as Checkout does: `{request_id, error_type, error_codes}` with the status.
 * `status: 401` is answered with no body, as Checkout does.
 */
export class CheckoutError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: CheckoutErrorType | 'unauthorized',
    readonly errorCodes: readonly string[] = [],
  ) {
    super(`${status} ${errorType} ${errorCodes.join(',')}`);
  }

  static unauthorized(): CheckoutError {
    return new CheckoutError(401, 'unauthorized');
  }

  static notFound(): CheckoutError {
    return new CheckoutError(404, 'not_found', ['session_not_found']);
  }

  static notAllowed(code: string): CheckoutError {
    return new CheckoutError(403, 'operation_not_allowed', [code]);
  }

  static unprocessable(codes: readonly string[]): CheckoutError {
    return new CheckoutError(422, 'unprocessable_entity', codes);
  }
}
