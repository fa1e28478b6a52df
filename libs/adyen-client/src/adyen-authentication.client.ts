import { CheckoutAPI, Client, Config, EnvironmentEnum, PaymentAPI } from '@adyen/api-library';
import { Injectable } from '@nestjs/common';
import { AdyenClientOptions } from './adyen-client.options.js';
import { exchange } from './adyen-exchange.js';
import { AdyenLibraryTransport, under } from './adyen-library.transport.js';
import {
  isFingerprintAnswer,
  type AdyenAuthenticationRequest,
  type AdyenFingerprintAnswer,
  type AdyenFingerprintSubmission,
  type AdyenPaymentDetailsRequest,
  type AdyenPaymentDetailsResponse,
  type AdyenPaymentResponse,
  type AdyenThreeDS2ResultResponse,
} from './adyen.wire.js';

/**
 * The four Adyen calls of standalone authentication (docs/adyen-adapter.md#calls): Adyen's
 * library over our transport for the Checkout and Payment APIs, one POST of our own for
 * checkoutshopper. Every failure is an Upstream* error from @app/domain.
 */
@Injectable()
export class AdyenAuthenticationClient {
  private readonly checkout: CheckoutAPI['PaymentsApi'];
  private readonly payment: PaymentAPI['PaymentsApi'];

  constructor(private readonly options: AdyenClientOptions) {
    // TEST keeps the library's URLs as they are, for the transport to replace: whether test or
    // live is the configured URLs' business.
    const library = new Client(
      new Config({ environment: EnvironmentEnum.TEST }),
      new AdyenLibraryTransport(options),
    );
    this.checkout = new CheckoutAPI(library).PaymentsApi;
    this.payment = new PaymentAPI(library).PaymentsApi;
  }

  /** `POST /payments`, sent again safely with the same key (docs/adyen-authentication.md#idempotency). */
  createPayment(
    request: AdyenAuthenticationRequest,
    idempotencyKey: string,
  ): Promise<AdyenPaymentResponse> {
    return this.checkout.payments(
      { ...request, merchantAccount: this.options.merchantAccount },
      { idempotencyKey, signal: this.authenticationDeadline() },
    );
  }

  /** `POST /payments/details` with the fingerprint's or the challenge's `threeDSResult`. */
  paymentDetails(
    request: AdyenPaymentDetailsRequest,
    idempotencyKey: string,
  ): Promise<AdyenPaymentDetailsResponse> {
    return this.checkout.paymentsDetails(request, {
      idempotencyKey,
      signal: this.authenticationDeadline(),
    });
  }

  /**
   * checkoutshopper's `submitThreeDS2Fingerprint`, authenticated by the client key alone
   * (`?token=`): the API key is not sent to it. Whether checkoutshopper honours
   * `Idempotency-Key` is unconfirmed (docs/adyen-adapter.md#failures); it is sent all the same.
   */
  async submitThreeDS2Fingerprint(
    submission: AdyenFingerprintSubmission,
    idempotencyKey: string,
  ): Promise<AdyenFingerprintAnswer> {
    const token = encodeURIComponent(this.options.clientKey);
    const answer = await exchange({
      operation: 'fingerprint',
      url: under(this.options.checkoutShopperUrl, `/v1/submitThreeDS2Fingerprint?token=${token}`),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: JSON.stringify({
        fingerprintResult: submission.fingerprintResult,
        paymentData: submission.paymentData,
      }),
      deadline: this.authenticationDeadline(),
      write: true,
      readable: isFingerprintAnswer,
      observer: this.options.observer,
    });
    return answer.body as AdyenFingerprintAnswer;
  }

  /** Payment API v68 `retrieve3ds2Result` by our merchant account and the `pspReference`. */
  retrieve3ds2Result(pspReference: string): Promise<AdyenThreeDS2ResultResponse> {
    return this.payment.retrieve3ds2Result(
      { merchantAccount: this.options.merchantAccount, pspReference },
      { signal: AbortSignal.timeout(this.options.timeouts.readMs) },
    );
  }

  /** These calls are answered only once the directory server or the issuer has. */
  private authenticationDeadline(): AbortSignal {
    return AbortSignal.timeout(this.options.timeouts.authenticationMs);
  }
}
