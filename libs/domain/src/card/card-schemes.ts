import { isLuhnValid } from './card-number.js';

/** The schemes whose numbers are told apart from other digits (docs/card-data.md#schemes). */
export const CARD_SCHEMES = [
  'visa',
  'mastercard',
  'amex',
  'discover',
  'jcb',
  'diners',
  'unionpay',
  'maestro',
  'cartes_bancaires',
] as const;
export type CardScheme = (typeof CARD_SCHEMES)[number];

/**
 * Numbers a scheme issues: the ones whose leading digits lie between `low` and `high` (the same
 * number of digits, inclusive), at one of `lengths`.
 */
export interface IinRange {
  readonly scheme: CardScheme;
  readonly low: string;
  readonly high: string;
  readonly lengths: readonly number[];
}

const lengthsFrom = (shortest: number): number[] =>
  Array.from({ length: 20 - shortest }, (_, i) => shortest + i);

const range = (
  scheme: CardScheme,
  low: string,
  high: string,
  lengths: readonly number[],
): IinRange => ({ scheme, low, high, lengths });

const maestro = (prefix: string): IinRange => range('maestro', prefix, prefix, lengthsFrom(13));

/**
 * IIN ranges and lengths as the schemes' public tables give them (docs/card-data.md#schemes).
 * Two choices of ours: no 13-digit Visa and no 12-digit Maestro (docs/card-data.md#lengths).
 */
export const IIN_RANGES: readonly IinRange[] = [
  range('visa', '4', '4', [16, 18, 19]),
  range('mastercard', '51', '55', [16]),
  range('mastercard', '2221', '2720', [16]),
  range('amex', '34', '34', [15]),
  range('amex', '37', '37', [15]),
  range('discover', '6011', '6011', lengthsFrom(16)),
  range('discover', '644', '649', lengthsFrom(16)),
  range('discover', '65', '65', lengthsFrom(16)),
  range('discover', '622126', '622925', lengthsFrom(16)),
  range('jcb', '3528', '3589', lengthsFrom(16)),
  range('diners', '300', '305', [14, ...lengthsFrom(16)]),
  range('diners', '3095', '3095', lengthsFrom(16)),
  range('diners', '36', '36', lengthsFrom(14)),
  range('diners', '38', '39', lengthsFrom(16)),
  range('unionpay', '62', '62', lengthsFrom(16)),
  range('unionpay', '8100', '8171', lengthsFrom(16)),
  ...['5018', '5020', '5038', '5893', '6304', '6759', '6761', '6762', '6763'].map(maestro),
  ...['676770', '676774'].map(maestro),
  // Co-badged with Visa or Mastercard (or Maestro): the ranges a CB card is issued in.
  range('cartes_bancaires', '4', '4', [16]),
  range('cartes_bancaires', '2221', '2720', [16]),
  range('cartes_bancaires', '50', '59', [16]),
  range('cartes_bancaires', '67', '67', [16]),
];

/** The first scheme that issues numbers of this length with these leading digits. */
export function cardSchemeOf(digits: string): CardScheme | undefined {
  for (const iin of IIN_RANGES) {
    if (!iin.lengths.includes(digits.length)) continue;
    const lead = digits.slice(0, iin.low.length);
    if (lead >= iin.low && lead <= iin.high) return iin.scheme;
  }
  return undefined;
}

/** The ranges a BIN names its scheme by, first match first: every one but Cartes Bancaires'. */
export const BIN_RANGES: readonly IinRange[] = IIN_RANGES.filter(
  (iin) => iin.scheme !== 'cartes_bancaires',
);

/**
 * The scheme whose range a BIN (a card's first six digits) lies in, whatever the card's length.
 * Co-badged Cartes Bancaires ranges name no scheme: such a card shows as its Visa or Mastercard.
 */
export function cardSchemeOfBin(bin: string): CardScheme | undefined {
  return BIN_RANGES.find((iin) => {
    const lead = bin.slice(0, iin.low.length);
    return lead >= iin.low && lead <= iin.high;
  })?.scheme;
}

/** A number some scheme issues (its IIN range and length) with a valid Luhn check digit. */
export const isCardNumber = (digits: string): boolean =>
  cardSchemeOf(digits) !== undefined && isLuhnValid(digits);
