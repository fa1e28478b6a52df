import { decodeJson } from '@app/simulator-kit';
import { Body, Controller, HttpCode, Inject, Post, Query } from '@nestjs/common';
import {
  adyenSimulatorConfig,
  type AdyenSimulatorConfig,
} from '../config/adyen-simulator.config.js';
import { AdyenError } from '../http/adyen-error.js';
import { AuthenticationEngine } from './authentication-engine.js';

/**
 * The endpoint Adyen's 3DS2 component calls from the browser with the client key after the 3DS
 * Method, `checkoutshopper/v1/submitThreeDS2Fingerprint?token=<clientKey>` with
 * `{fingerprintResult, paymentData}` (adyen-web's callSubmit3DS2Fingerprint). Adyen publishes no
 * schema for it; the answer follows what the component reads: `{type: 'action', action}` or
 * `{type: 'completed', details: {threeDSResult}}` (docs/adyen-simulator.md#model).
 */
@Controller('checkoutshopper/v1')
export class CheckoutShopperController {
  constructor(
    private readonly engine: AuthenticationEngine,
    @Inject(adyenSimulatorConfig.KEY) private readonly config: AdyenSimulatorConfig,
  ) {}

  @Post('submitThreeDS2Fingerprint')
  @HttpCode(200)
  submitThreeDS2Fingerprint(@Query('token') clientKey: unknown, @Body() body: unknown) {
    if (clientKey !== this.config.clientKey) throw AdyenError.unauthorized();
    const { fingerprintResult, paymentData } = (body ?? {}) as Record<string, unknown>;
    const result = decodeJson(fingerprintResult);
    if (!result) {
      throw AdyenError.validation('702', "Required field 'fingerprintResult' is not provided.");
    }
    return this.engine.submitFingerprint(paymentData, result);
  }
}
