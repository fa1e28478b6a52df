import { luhnCheckDigit } from './card-number.js';
import { cardSchemeOf, cardSchemeOfBin, isCardNumber, type CardScheme } from './card-schemes.js';

/** A Luhn-valid number of `length` digits starting with `prefix`. */
const aNumber = (prefix: string, length: number): string => {
  const payload = prefix.padEnd(length - 1, '7');
  return payload + luhnCheckDigit(payload);
};

describe('card schemes (IIN ranges and lengths)', () => {
  it.each<[CardScheme, string, number]>([
    ['visa', '4', 16],
    ['visa', '4', 18],
    ['visa', '4', 19],
    ['mastercard', '51', 16],
    ['mastercard', '55', 16],
    ['mastercard', '2221', 16],
    ['mastercard', '2720', 16],
    ['amex', '34', 15],
    ['amex', '37', 15],
    ['discover', '6011', 16],
    ['discover', '644', 19],
    ['discover', '649', 17],
    ['discover', '65', 18],
    ['discover', '622126', 16],
    ['discover', '622925', 19],
    ['jcb', '3528', 16],
    ['jcb', '3589', 19],
    ['diners', '300', 14],
    ['diners', '305', 16],
    ['diners', '3095', 19],
    ['diners', '36', 14],
    ['diners', '36', 15],
    ['diners', '38', 16],
    ['diners', '39', 19],
    ['unionpay', '62', 16],
    ['unionpay', '62', 19],
    ['unionpay', '8100', 16],
    ['unionpay', '8171', 19],
    ['maestro', '5018', 13],
    ['maestro', '5020', 19],
    ['maestro', '5038', 15],
    ['maestro', '5893', 13],
    ['maestro', '6304', 18],
    ['maestro', '6759', 13],
    ['maestro', '6763', 19],
    ['maestro', '676770', 13],
    ['cartes_bancaires', '50', 16],
    ['cartes_bancaires', '59', 16],
    ['cartes_bancaires', '67', 16],
  ])('%s issues %s… at %i digits', (scheme, prefix, length) => {
    const number = aNumber(prefix, length);
    expect(cardSchemeOf(number)).toBe(scheme);
    expect(isCardNumber(number)).toBe(true);
  });

  it.each<[string, string, number]>([
    ['13-digit Visa (docs/card-data.md#lengths)', '4', 13],
    ['12-digit Maestro (docs/card-data.md#lengths)', '6759', 12],
    ['17-digit Visa', '4', 17],
    ['Mastercard below the 2-series', '2220', 16],
    ['Mastercard above the 2-series', '2721', 16],
    ['Mastercard at 15 digits', '51', 15],
    ['Amex at 16 digits', '34', 16],
    ['JCB below its range', '3527', 16],
    ['Discover between its ranges', '6012', 16],
    ['Diners 38 at 14 digits', '38', 14],
    ['Maestro 5019', '5019', 13],
    ['UnionPay above 8171', '8172', 16],
    ['an airline number (1)', '1', 15],
    ['a number starting with 0', '0', 16],
    ['a number starting with 7', '7', 16],
    ['a number starting with 9', '9', 16],
    ['20 digits', '4', 20],
  ])('issues no %s (%s… at %i digits)', (_case, prefix, length) => {
    const number = aNumber(prefix, length);
    expect(cardSchemeOf(number)).toBeUndefined();
    expect(isCardNumber(number)).toBe(false);
  });

  it('takes a scheme number only with its Luhn digit', () => {
    const number = aNumber('4485', 16);
    const wrong = `${number.slice(0, -1)}${(Number(number.at(-1)) + 1) % 10}`;
    expect(isCardNumber(number)).toBe(true);
    expect(cardSchemeOf(wrong)).toBe('visa');
    expect(isCardNumber(wrong)).toBe(false);
  });

  it.each([
    ['497010', 'visa'],
    ['222100', 'mastercard'],
    ['676774', 'maestro'],
    ['560000', undefined],
    ['670000', undefined],
  ])('names the range of BIN %s, never a co-badged Cartes Bancaires one: %s', (bin, scheme) => {
    expect(cardSchemeOfBin(bin)).toBe(scheme);
  });

  it.each([
    '4485040371536584',
    '5588686116426417',
    '2223000048400011',
    '345678901234564',
    '378282246310005',
    '36138956596288',
    '3528982710432481',
    '6011111111111117',
    '6759649826438453',
    '6304000000000000',
    '6200000000000005',
  ])("recognises %s (Checkout's, the schemes' and other processors' test cards)", (number) => {
    expect(isCardNumber(number)).toBe(true);
  });
});
