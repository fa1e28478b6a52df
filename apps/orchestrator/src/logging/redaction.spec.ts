import { CENSOR, redactFields } from './redaction.js';

describe('redactFields', () => {
  it('replaces secret fields up to three objects down and leaves the input untouched', () => {
    const line = {
      msg: 'checkout call',
      authorization: 'Bearer x',
      request: { source: { number: '4242424242424242', expiry_month: 12 }, amount: 100 },
      a: { b: { c: { token: 't' } } },
      deeper: { b: { c: { d: { token: 'kept: beyond the depth searched' } } } },
    };
    const redacted = redactFields(line);
    expect(redacted).toEqual({
      msg: 'checkout call',
      authorization: CENSOR,
      request: { source: { number: CENSOR, expiry_month: 12 }, amount: 100 },
      a: { b: { c: { token: CENSOR } } },
      deeper: line.deeper,
    });
    expect(line.authorization).toBe('Bearer x');
    expect(line.request.source.number).toBe('4242424242424242');
  });

  it("redacts Adyen's card, result and continuation fields", () => {
    const line = {
      msg: 'adyen call',
      paymentMethod: { encryptedCardNumber: 'e1', encryptedSecurityCode: 'e2', cvc: '737' },
      threeDS2Result: { authenticationValue: 'AAAB', eci: '05' },
      threeDSResult: 'eyJ0cmFuc1N0YXR1cyI6IlkifQ==',
      action: { paymentData: 'Ab02b4c0', authorisationToken: 'tok' },
      additionalData: { hmacSignature: 'sig' },
    };
    expect(redactFields(line)).toEqual({
      msg: 'adyen call',
      paymentMethod: { encryptedCardNumber: CENSOR, encryptedSecurityCode: CENSOR, cvc: CENSOR },
      threeDS2Result: { authenticationValue: CENSOR, eci: '05' },
      threeDSResult: CENSOR,
      action: { paymentData: CENSOR, authorisationToken: CENSOR },
      additionalData: { hmacSignature: CENSOR },
    });
  });

  it('returns the very same object when nothing is secret', () => {
    const line = { msg: 'transition', id: 'auth_1', detail: { from: 'created' }, list: [1, 2] };
    expect(redactFields(line)).toBe(line);
  });

  it('redacts inside arrays and errors, keeping an error an error', () => {
    const error = Object.assign(new TypeError('query failed'), {
      parameters: ['4242424242424242'],
    });
    const redacted = redactFields({ err: error, items: [{ cvv: '123' }] });
    expect(redacted.items).toEqual([{ cvv: CENSOR }]);
    expect(redacted.err).toBeInstanceOf(TypeError);
    expect(redacted.err.message).toBe('query failed');
    expect(redacted.err.stack).toBe(error.stack);
    expect((redacted.err as unknown as { parameters: unknown }).parameters).toBe(CENSOR);
    expect(error.parameters).toEqual(['4242424242424242']);
  });
});
