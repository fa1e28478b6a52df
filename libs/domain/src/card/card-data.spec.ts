import { findCardNumbers, maskCardNumbers, maskCardNumbersIn } from './card-data.js';
import { luhnCheckDigit } from './card-number.js';

const PAN = '4485040371536584';

describe('card numbers in free text', () => {
  it.each([
    ['dots', '4485.0403.7153.6584'],
    ['underscores', '4485_0403_7153_6584'],
    ['slashes', '4485/0403/7153/6584'],
    ['hyphens', '4485-0403-7153-6584'],
    ['no-break spaces', '4485\u00a00403\u00a07153\u00a06584'],
    ['figure and narrow no-break spaces', '4485\u20070403\u202f7153\u30006584'],
    ['double and mixed separators', '4485  0403--7153 /6584'],
    ['a prefix glued with a hyphen', 'ref-4485 0403 7153 6584'],
    ['a prefix glued with an underscore', 'ORD_4485040371536584'],
    ['letters glued on both sides', 'ORDER4485040371536584x'],
    [
      'fullwidth digits',
      '\uff14\uff14\uff18\uff15\uff10\uff14\uff10\uff13\uff17\uff11\uff15\uff13\uff16\uff15\uff18\uff14',
    ],
    [
      'Arabic-Indic digits',
      '\u0664\u0664\u0668\u0665\u0660\u0664\u0660\u0663\u0667\u0661\u0665\u0663\u0666\u0665\u0668\u0664',
    ],
    ['mathematical digits', '𝟒𝟒𝟖𝟓 𝟎𝟒𝟎𝟑 𝟕𝟏𝟓𝟑 𝟔𝟓𝟖𝟒'],
    ['zero-width spaces', '4485\u200b0403\u200b7153\u200b6584'],
    ['soft hyphens, word joiners and a BOM', '44\u00ad85\u20600403\ufeff7153\u200d6584'],
    ['fullwidth separators', '4485\uff0e0403\uff0f7153\uff0d6584'],
    ['dashes and a minus sign', '4485\u20130403\u20147153\u22126584'],
    ['its expiry after it', 'card 4485 0403 7153 6584 12/27'],
    ['an order number before it', 'order 1001 4485 0403 7153 6584'],
    ['in the middle of a sentence', 'please charge 4485 0403 7153 6584, thanks'],
  ])('finds a PAN written with %s', (_case, text) => {
    expect(findCardNumbers(text)).toContain(PAN);
    const masked = maskCardNumbers(text);
    expect(masked).toContain('[card …6584]');
    expect(findCardNumbers(masked)).toEqual([]);
  });

  it.each([
    ['Amex in its own grouping', '3782 822463 10005', '378282246310005'],
    ['a 14-digit Diners', '3613 895659 6288', '36138956596288'],
    ['a 2-series Mastercard', '2223 0000 4840 0011', '2223000048400011'],
    ['a 19-digit Visa', '4000 0000 0000 0000 006', '4000000000000000006'],
    ['a 13-digit Maestro', 'ref 6759 0000 0000 5', '6759000000005'],
    ['an odd grouping', '4242-42424242-4242', '4242424242424242'],
  ])('finds %s', (_case, text, digits) => {
    expect(findCardNumbers(text)).toContain(digits);
  });

  it.each([
    ['a millisecond timestamp in a reference', 'ORDER-1732550400000'],
    ['a made-up id of 13 zeros', 'auth_0000000000000'],
    ['an ISO timestamp', '2026-11-25T10:00:00.000Z'],
    ['a UUID', 'a UUID 4c3d1234-5678-9012-3456-7890abcdef12'],
    ['an all-digit UUID', '44850403-7153-6584-4000-800000000000'],
    ['a SHA-256 in hex', `ab${PAN}${'cd'.repeat(23)}`],
    ['a Luhn-invalid number', '4242424242424241'],
    ['a 13-digit Visa-like number (docs/card-data.md#lengths)', '4222222222222'],
    ['a number of 22 digits', '4242424242424242424242'],
    ['a PAN inside a longer run of digits', `9${PAN}`],
    ['a PAN broken across lines', '4485 0403\n7153 6584'],
    ['groups split by a comma', '4485, 0403, 7153, 6584'],
    ['an IPv4 address and a port', '192.168.100.200:443'],
    ['an order number', 'ORD-2026-11-25-000123'],
    ['nothing', ''],
  ])('takes %s for no card number', (_case, text) => {
    expect(findCardNumbers(text)).toEqual([]);
    expect(maskCardNumbers(text)).toBe(text);
  });

  it('masks every card number once, keeping the text around it', () => {
    expect(maskCardNumbers('a 4242 4242 4242 4242 b 3782-822463-10005 c 12345')).toBe(
      'a [card …4242] b [card …0005] c 12345',
    );
  });

  it('masks overlapping finds as one, named by the first', () => {
    // The PAN and its continuation to 19 digits are both numbers Visa issues.
    const tail = `00${luhnCheckDigit(`${PAN}00`)}`;
    const text = `pan 4485 0403 7153 6584 ${tail}.`;
    expect(findCardNumbers(text)).toEqual([PAN, PAN + tail]);
    expect(maskCardNumbers(text)).toBe('pan [card …6584].');
  });

  it('masks strings and keys of a JSON value, and returns the same value when clean', () => {
    const clean = { a: ['x', 1], b: { c: 'ORDER-1732550400000' } };
    expect(maskCardNumbersIn(clean)).toBe(clean);
    expect(maskCardNumbersIn({ [`k ${PAN}`]: [{ v: `4485 0403 7153 6584` }, 7] })).toEqual({
      'k [card …6584]': [{ v: '[card …6584]' }, 7],
    });
  });
});
