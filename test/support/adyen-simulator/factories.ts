import type { Types } from '@adyen/api-library';
import { ADYEN_MERCHANT_ACCOUNT } from './simulator-app.js';

type PaymentRequest = Types.checkout.PaymentRequest;

/** A standalone browser authentication request (docs/adyen-authentication.md#payment-request). */
export function anAuthenticationRequest(
  number: string,
  overrides: { notificationURL?: string; expiryYear?: string; reference?: string } = {},
): PaymentRequest {
  return {
    merchantAccount: ADYEN_MERCHANT_ACCOUNT,
    reference: overrides.reference ?? `order-${number.slice(-4)}-${Date.now()}`,
    amount: { currency: 'EUR', value: 12_50 },
    paymentMethod: {
      type: 'scheme' as never,
      number,
      expiryMonth: '03',
      expiryYear: overrides.expiryYear ?? '2030',
      holderName: 'J. Smith',
      cvc: '737',
    },
    returnUrl: 'https://merchant.example/return',
    channel: 'Web' as never,
    origin: 'https://merchant.example',
    shopperIP: '192.0.2.10',
    browserInfo: {
      acceptHeader: 'text/html',
      userAgent: 'Mozilla/5.0 (e2e)',
      language: 'en-GB',
      colorDepth: 24,
      screenHeight: 1080,
      screenWidth: 1920,
      timeZoneOffset: -60,
      javaEnabled: false,
      javaScriptEnabled: true,
    },
    authenticationData: {
      authenticationOnly: true,
      threeDSRequestData: { nativeThreeDS: 'preferred' as never, threeDSVersion: '2.2.0' as never },
    },
    ...(overrides.notificationURL
      ? {
          threeDS2RequestData: {
            deviceChannel: 'browser',
            notificationURL: overrides.notificationURL,
          },
        }
      : {}),
  } as PaymentRequest;
}

/** `details.threeDSResult` as Adyen's web component builds it: base64 JSON. */
export const threeDSResult = (result: object): string =>
  Buffer.from(JSON.stringify(result)).toString('base64');

export const decodeToken = (token: string): Record<string, string> =>
  JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<string, string>;
