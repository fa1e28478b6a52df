import fc from 'fast-check';
import {
  findCardNumbers,
  isExpired,
  isLuhnValid,
  maskCardNumbers,
  maskedParts,
} from './card-number.js';

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

  it('keeps only BIN and last 4', () => {
    expect(maskedParts('4242424242424242')).toEqual({ bin: '424242', last4: '4242' });
  });
});

describe('card numbers in free text', () => {
  it.each([
    ['ORDER 4242424242424242', ['4242424242424242']],
    ['pan: 4242 4242 4242 4242.', ['4242424242424242']],
    ['5588-6861-1642-6417', ['5588686116426417']],
    ['378282246310005 (Amex, 15 digits)', ['378282246310005']],
    ['4242424242424241 fails Luhn', []],
    ['4242424242424242424242 is 22 digits', []],
    ['ORDER4242424242424242 is glued to letters', ['4242424242424242']],
    ['3782 822463 10005 (Amex grouping)', ['378282246310005']],
    ['a UUID 4c3d1234-5678-9012-3456-7890abcdef12', []],
    ['4242-42424242-4242 is not a card grouping', []],
    ['ORDER-2026-12-02-0001', []],
    ['', []],
  ])('finds in %j: %j', (text, expected) => {
    expect(findCardNumbers(text)).toEqual(expected);
  });

  it('masks only the card-like runs, keeping the last four digits', () => {
    expect(maskCardNumbers('card 4242 4242 4242 4242 and order 12345')).toBe(
      'card [card …4242] and order 12345',
    );
  });
});

describe('ids that are not cards', () => {
  it('never takes a UUID (an idempotency key, a transaction id) for a card number', () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => findCardNumbers(uuid).length === 0),
      { numRuns: 50_000, seed: 20_261_202 },
    );
  });
});
