import type { AdyenAuthenticationRequest } from '@app/adyen-client';
import type { Types } from '@adyen/api-library';
import {
  cardNumberOf,
  UpstreamRejectedRequestError,
  type BrowserChannelData,
  type ProviderReturnUrls,
  type SessionRequest,
} from '@app/domain';

/**
 * The body of `POST /payments` for a standalone browser authentication
 * (docs/adyen-adapter.md#calls; docs/adyen-authentication.md#payment-request), without
 * `merchantAccount`, which the client fills in. The card number goes out and is never kept.
 * Deterministic for one request: Adyen answers `704` to a re-sent key with another body.
 */
export function adyenPaymentRequest(
  request: SessionRequest,
  urls: ProviderReturnUrls,
): AdyenAuthenticationRequest {
  const { source } = request;
  const number = cardNumberOf(source);
  if (number === undefined || !('expiry_month' in source)) {
    // A stored token or instrument is ours or Checkout's: Adyen has no way to read it.
    throw new UpstreamRejectedRequestError(
      'create payment',
      422,
      'validation',
      ['source_not_supported'],
      undefined,
      'Adyen',
    );
  }
  const browser = request.channel_data?.channel === 'browser' ? request.channel_data : undefined;
  return {
    reference: request.reference,
    amount: { currency: request.currency, value: request.amount ?? 0 },
    paymentMethod: {
      type: 'scheme' as Types.checkout.CardDetails.TypeEnum,
      number,
      expiryMonth: String(source.expiry_month).padStart(2, '0'),
      expiryYear: String(source.expiry_year),
      ...(source.name ? { holderName: source.name } : {}),
    },
    authenticationData: {
      authenticationOnly: true,
      threeDSRequestData: {
        nativeThreeDS: 'preferred' as Types.checkout.ThreeDSRequestData.NativeThreeDSEnum,
      },
    },
    channel: 'Web' as Types.checkout.PaymentRequest.ChannelEnum,
    ...(browser ? { browserInfo: browserInfoOf(browser), shopperIP: browser.ip_address } : {}),
    // Where the ACS posts the CRes: our page (Adyen: "Required if you are not using components").
    threeDS2RequestData: { notificationURL: urls.challengeNotification },
    // Required by /payments; unused, as redirects (3DS1, the redirect fallback) are refused.
    returnUrl: urls.challengeNotification,
  };
}

/**
 * Adyen's `browserInfo` from the EMV browser data our API takes: the sizes, colour depth and
 * time zone offset as numbers (docs/adyen-authentication.md#payment-request).
 */
export function browserInfoOf(browser: BrowserChannelData): Types.checkout.BrowserInfo {
  return {
    acceptHeader: browser.accept_header,
    userAgent: browser.user_agent,
    language: browser.language,
    colorDepth: Number(browser.color_depth),
    screenHeight: Number(browser.screen_height),
    screenWidth: Number(browser.screen_width),
    timeZoneOffset: Number(browser.timezone),
    javaEnabled: browser.java_enabled,
    javaScriptEnabled: browser.javascript_enabled,
  };
}
