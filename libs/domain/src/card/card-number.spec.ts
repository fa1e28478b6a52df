import fc from 'fast-check';
import { isExpired, isLuhnValid, luhnCheckDigit, maskedParts } from './card-number.js';

describe('card numbers', () => {
  it.each(['4242424242424242', '5385308360135181', '345678901234564', '36747880216043'])(
    'accepts %s (Luhn valid)',
    (pan) => {
      expect(isLuhnValid(pan)).toBe(true);
    },
  );

  it.each(['4242424242424241', '4242 4242 4242 4242', '', 'abc'])('refuses %p', (pan) => {
    expect(isLuhnValid(pan)).toBe(false);
  });

  it('counts a card as valid through its expiry month', () => {
    const now = new Date(Date.UTC(2026, 10, 25));
    expect(isExpired(11, 2026, now)).toBe(false);
    expect(isExpired(10, 2026, now)).toBe(true);
    expect(isExpired(1, 2030, now)).toBe(false);
  });

  it('completes any payload into a Luhn-valid number, and only with its own check digit', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,18}$/),
        fc.integer({ min: 1, max: 9 }),
        (payload, shift) => {
          const check = Number(luhnCheckDigit(payload));
          expect(isLuhnValid(`${payload}${check}`)).toBe(true);
          expect(isLuhnValid(`${payload}${(check + shift) % 10}`)).toBe(false);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('keeps only BIN and last 4', () => {
    expect(maskedParts('4242424242424242')).toEqual({ bin: '424242', last4: '4242' });
  });
});
