import { newPspReference } from './psp-reference.js';

/**
 * An error answered in Adyen's `ServiceError` shape (docs/adyen-authentication.md#errors):
 * `{status, errorCode, message, errorType, pspReference}`. Codes the sources confirm are `000`
 * (401) and `901`; the others are the simulator's model (docs/adyen-simulator.md#errors).
 */
export class AdyenError extends Error {
  /** Minted once, so that an idempotent replay of this error answers the same body. */
  readonly pspReference = newPspReference();

  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly errorType: 'security' | 'validation' | 'configuration' | 'internal',
  ) {
    super(message);
  }

  static unauthorized(): AdyenError {
    return new AdyenError(401, '000', 'HTTP Status Response - Unauthorized', 'security');
  }

  static invalidMerchantAccount(): AdyenError {
    return new AdyenError(403, '901', 'Invalid Merchant Account', 'security');
  }

  static validation(errorCode: string, message: string): AdyenError {
    return new AdyenError(422, errorCode, message, 'validation');
  }

  static notFound(): AdyenError {
    return new AdyenError(404, '000', 'HTTP Status Response - Not Found', 'validation');
  }

  static internal(status = 500): AdyenError {
    const message = status === 503 ? 'Service Unavailable' : 'Internal error';
    return new AdyenError(status, '000', message, 'internal');
  }

  body(): Record<string, unknown> {
    return {
      status: this.status,
      errorCode: this.errorCode,
      message: this.message,
      errorType: this.errorType,
      pspReference: this.pspReference,
    };
  }
}
