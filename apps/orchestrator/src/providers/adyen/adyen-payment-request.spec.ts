import { UpstreamRejectedRequestError, type SessionRequest } from '@app/domain';
import { adyenPaymentRequest } from './adyen-payment-request.js';

const URLS = {
  callback: 'https://us.example/callbacks/auth_1/token',
  challengeNotification: 'https://us.example/notifications/challenge/auth_1',
  hostedSuccess: 'https://us.example/hosted/auth_1/token/success',
  hostedFailure: 'https://us.example/hosted/auth_1/token/failure',
};
const BROWSER = {
  channel: 'browser',
  accept_header: 'text/html',
  java_enabled: false,
  javascript_enabled: true,
  language: 'en-GB',
  color_depth: '24',
  screen_height: '1080',
  screen_width: '1920',
  timezone: '-60',
  user_agent: 'Mozilla/5.0',
  ip_address: '203.0.113.10',
} as const;
const aRequest = (fields: Partial<SessionRequest> = {}): SessionRequest => ({
  source: {
    type: 'card',
    number: '4000009900000061',
    expiry_month: 3,
    expiry_year: 2030,
    name: 'J. Smith',
  },
  amount: 6540,
  currency: 'EUR',
  reference: 'ORD-1',
  channel: 'browser',
  channel_data: BROWSER,
  ...fields,
});

describe('adyenPaymentRequest (docs/adyen-adapter.md#calls)', () => {
  it('builds a standalone browser authentication, browserInfo from channel_data', () => {
    expect(adyenPaymentRequest(aRequest(), URLS)).toEqual({
      reference: 'ORD-1',
      amount: { currency: 'EUR', value: 6540 },
      paymentMethod: {
        type: 'scheme',
        number: '4000009900000061',
        expiryMonth: '03',
        expiryYear: '2030',
        holderName: 'J. Smith',
      },
      authenticationData: {
        authenticationOnly: true,
        threeDSRequestData: { nativeThreeDS: 'preferred' },
      },
      channel: 'Web',
      browserInfo: {
        acceptHeader: 'text/html',
        userAgent: 'Mozilla/5.0',
        language: 'en-GB',
        colorDepth: 24,
        screenHeight: 1080,
        screenWidth: 1920,
        timeZoneOffset: -60,
        javaEnabled: false,
        javaScriptEnabled: true,
      },
      shopperIP: '203.0.113.10',
      threeDS2RequestData: { notificationURL: URLS.challengeNotification },
      returnUrl: URLS.challengeNotification,
    });
  });

  it('is the same body for the same request (a re-sent key with another body gets 704)', () => {
    expect(JSON.stringify(adyenPaymentRequest(aRequest(), URLS))).toBe(
      JSON.stringify(adyenPaymentRequest(aRequest(), URLS)),
    );
  });

  it('refuses a stored source, which Adyen cannot read, without a call', () => {
    expect(() =>
      adyenPaymentRequest(aRequest({ source: { type: 'id', id: 'src_1' } }), URLS),
    ).toThrow(UpstreamRejectedRequestError);
  });
});
