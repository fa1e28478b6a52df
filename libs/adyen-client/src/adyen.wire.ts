import type { Types } from '@adyen/api-library';

// Adyen's models as the library generates them from Checkout v71 and Payment v68.

export type AdyenPaymentRequest = Types.checkout.PaymentRequest;
export type AdyenPaymentResponse = Types.checkout.PaymentResponse;
export type AdyenPaymentDetailsRequest = Types.checkout.PaymentDetailsRequest;
export type AdyenPaymentDetailsResponse = Types.checkout.PaymentDetailsResponse;
export type AdyenThreeDS2Action = Types.checkout.CheckoutThreeDS2Action;
export type AdyenThreeDS2ResultResponse = Types.payment.ThreeDS2ResultResponse;

/** A `/payments` request without `merchantAccount`: the client names the configured one. */
export type AdyenAuthenticationRequest = Omit<AdyenPaymentRequest, 'merchantAccount'>;

/**
 * What checkoutshopper's `submitThreeDS2Fingerprint` takes: the 3DS Method's result as base64
 * JSON `{threeDSCompInd}`, and the `paymentData` of the fingerprint action
 * (docs/adyen-adapter.md#calls, docs/adyen-simulator.md#model). Not in the library: Adyen
 * publishes no schema for it.
 */
export interface AdyenFingerprintSubmission {
  readonly fingerprintResult: string;
  readonly paymentData: string;
}

/**
 * Its answer, as Adyen's 3DS2 component reads it: the challenge action, or the `threeDSResult`
 * for `/payments/details`. Any other shape is an unreadable answer.
 */
export type AdyenFingerprintAnswer =
  | { readonly type: 'action'; readonly action: AdyenThreeDS2Action }
  | { readonly type: 'completed'; readonly details: { readonly threeDSResult: string } };

export function isFingerprintAnswer(body: Readonly<Record<string, unknown>>): boolean {
  if (body.type === 'action') return typeof body.action === 'object' && body.action !== null;
  if (body.type !== 'completed') return false;
  const details = body.details as { threeDSResult?: unknown } | null | undefined;
  return typeof details?.threeDSResult === 'string';
}
