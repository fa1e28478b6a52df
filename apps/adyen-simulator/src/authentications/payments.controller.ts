import { Body, Controller, HttpCode, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiKeyGuard } from '../http/api-key.guard.js';
import { AdyenError } from '../http/adyen-error.js';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor.js';
import { threeDS2Result } from './answers.js';
import { AuthenticationEngine } from './authentication-engine.js';
import { AuthenticationStore } from './authentication.store.js';
import { readDetailsRequest, readPaymentRequest } from './payment-request.js';

/** Checkout API v71: `/payments` and `/payments/details` (docs/adyen-authentication.md#endpoints). */
@Controller('v71')
@UseGuards(ApiKeyGuard)
@UseInterceptors(IdempotencyInterceptor)
export class PaymentsController {
  constructor(private readonly engine: AuthenticationEngine) {}

  @Post('payments')
  @HttpCode(200)
  payments(@Body() body: unknown) {
    return this.engine.start(readPaymentRequest(body));
  }

  @Post('payments/details')
  @HttpCode(200)
  details(@Body() body: unknown) {
    return this.engine.details(readDetailsRequest(body));
  }
}

/**
 * Payment API v68 reads by `merchantAccount` + `pspReference` (docs/adyen-authentication.md#endpoints).
 * A pspReference is given out only with a final answer, so only those can be read; one without
 * a 3DS2 result (not required, refused) answers no `threeDS2Result` (docs/adyen-simulator.md#reads).
 */
@Controller('pal/servlet/Payment/v68')
@UseGuards(ApiKeyGuard)
@UseInterceptors(IdempotencyInterceptor)
export class PaymentApiController {
  constructor(private readonly store: AuthenticationStore) {}

  @Post('retrieve3ds2Result')
  @HttpCode(200)
  retrieve3ds2Result(@Body() body: unknown) {
    return this.resultOf(body);
  }

  @Post('getAuthenticationResult')
  @HttpCode(200)
  getAuthenticationResult(@Body() body: unknown) {
    return this.resultOf(body);
  }

  private resultOf(body: unknown) {
    const { merchantAccount, pspReference } = (body ?? {}) as Record<string, unknown>;
    if (typeof merchantAccount !== 'string') {
      throw AdyenError.validation('702', "Required field 'merchantAccount' is not provided.");
    }
    if (typeof pspReference !== 'string') {
      throw AdyenError.validation('702', "Required field 'pspReference' is not provided.");
    }
    const authentication = this.store.byPspReference(pspReference);
    if (!authentication || authentication.merchantAccount !== merchantAccount) {
      throw AdyenError.validation('702', "Field 'pspReference' is not valid.");
    }
    return authentication.state === 'finished'
      ? { threeDS2Result: threeDS2Result(authentication) }
      : {};
  }
}
