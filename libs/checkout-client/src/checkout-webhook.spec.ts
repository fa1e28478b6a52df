import { isKnownWebhookType, parseCheckoutWebhook } from './checkout-webhook.js';

describe('Checkout webhook body', () => {
  const real = {
    id: 'evt_ql5mtq624twrdnpkajbkyeqaai',
    type: 'authentication_failed',
    version: '2.1.0',
    created_on: '2025-09-15T07:31:18.241Z',
    data: {
      session_id: 'sid_llraltf4jlwu5dxdtprcv7ba5i',
      amount: '13606',
      currency: 'EUR',
      reference: 'deded',
    },
  };

  it('reads what it needs from the documented payload (amount as a string)', () => {
    expect(parseCheckoutWebhook(real)).toEqual({
      id: 'evt_ql5mtq624twrdnpkajbkyeqaai',
      type: 'authentication_failed',
      sessionId: 'sid_llraltf4jlwu5dxdtprcv7ba5i',
      reference: 'deded',
      amount: 13606,
      currency: 'EUR',
      createdOn: new Date('2025-09-15T07:31:18.241Z'),
    });
  });

  it.each([
    ['no id', { ...real, id: undefined }],
    ['a malformed id', { ...real, id: 'evt_../../etc' }],
    ['no type', { ...real, type: 42 }],
    ['an array', [real]],
    ['null', null],
  ])('is not an event with %s', (_case, body) => {
    expect(parseCheckoutWebhook(body)).toBeNull();
  });

  it('keeps an event with an odd session id, amount or time, without them', () => {
    const parsed = parseCheckoutWebhook({
      ...real,
      created_on: 'yesterday',
      data: { ...real.data, session_id: 'pay_123', amount: 'lots' },
    });
    expect(parsed).toMatchObject({ sessionId: null, amount: null, createdOn: null });
  });

  it('knows the five authentication_* types and nothing else', () => {
    expect(isKnownWebhookType('authentication_approved')).toBe(true);
    expect(isKnownWebhookType('payment_captured')).toBe(false);
  });
});
