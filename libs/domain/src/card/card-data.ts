import { isCardNumber } from './card-schemes.js';

/** PAN lengths looked for: 13 to 19 digits (docs/card-data.md#lengths). */
const SHORTEST = 13;
const LONGEST = 19;

/** A card number found in a text: its digits (ASCII) and the span of the text that spells it. */
export interface CardNumberMatch {
  readonly digits: string;
  readonly start: number;
  readonly end: number;
}

/** A run of decimal digits in any script, as ASCII, and where it stands in the text. */
interface DigitGroup {
  digits: string;
  readonly start: number;
  end: number;
}

/**
 * What may stand between the digits of one number (docs/card-data.md#spellings): tab, every
 * Unicode space separator (no-break, figure, narrow no-break, ideographic…), invisible format
 * characters (zero-width space and joiners, word joiner, BOM, soft hyphen, bidi marks),
 * combining marks, dashes and connector punctuation of every script, the minus sign, and dots and
 * slashes with their look-alikes. Line breaks are not: a new line starts a new value.
 */
const SEPARATOR =
  /^[\t\p{Zs}\p{Cf}\p{M}\p{Pd}\p{Pc}./\u00b7\u2024\u2027\u2043\u2044\u2212\u2215\u2219\u30fb\ufe52\uff0e\uff0f\uff61]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * Machine identifiers a card number is never written inside: a UUID (RFC 9562 layout) and a run
 * of 32 or more hex digits (a hash, a compact UUID), unless letters or digits are glued to it.
 */
const IDENTIFIER =
  /(?<![0-9A-Za-z])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,})(?![0-9A-Za-z])/gi;

const digitValues = new Map<number, number>();

/**
 * The value of a decimal digit of any script (`\p{Nd}`), or -1. Unicode encodes every script's
 * digits as runs of ten code points from 0 to 9, so a digit is worth its distance from the start
 * of its run, modulo 10 (some runs hold several sets: the mathematical digits).
 */
function digitValue(codePoint: number): number {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
  if (codePoint < 0x80) return -1;
  const known = digitValues.get(codePoint);
  if (known !== undefined) return known;
  if (!DECIMAL_DIGIT.test(String.fromCodePoint(codePoint))) return -1;
  let first = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(first - 1))) first--;
  const value = (codePoint - first) % 10;
  digitValues.set(codePoint, value);
  return value;
}

/** The ASCII separators: tab, space, '-', '.', '/', '_'. */
const ASCII_SEPARATOR = new Set([0x09, 0x20, 0x2d, 0x2e, 0x2f, 0x5f]);

const isSeparator = (codePoint: number): boolean =>
  codePoint < 0x80
    ? ASCII_SEPARATOR.has(codePoint)
    : SEPARATOR.test(String.fromCodePoint(codePoint));

/**
 * Cheap test first, one pass and no allocation: a PAN needs 13 characters that could be digits
 * with nothing but separators between them. Every character from U+0080 on counts as a possible
 * digit and never ends a run (the full scan decides), so this never says no to a text that
 * `digitRuns` would find a PAN in; log lines (timestamps, UUIDs, ids) almost always stop here.
 */
function mayHoldCardNumber(text: string): boolean {
  let candidates = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || code >= 0x80) {
      if (++candidates >= SHORTEST) return true;
    } else if (!ASCII_SEPARATOR.has(code)) {
      candidates = 0;
    }
  }
  return false;
}

/**
 * The text's digit groups, split into runs: groups in one run are joined by separators only.
 * Letters and other characters end a run, so letters may be glued to a number on either side.
 */
function digitRuns(text: string): DigitGroup[][] {
  const runs: DigitGroup[][] = [];
  let run: DigitGroup[] = [];
  let group: DigitGroup | undefined;
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const value = digitValue(codePoint);
    if (value >= 0) {
      group ??= { digits: '', start: i, end: i };
      group.digits += String(value);
      group.end = i + width;
    } else {
      if (group) run.push(group);
      group = undefined;
      if (!isSeparator(codePoint)) {
        if (run.length > 0) runs.push(run);
        run = [];
      }
    }
    i += width;
  }
  if (group) run.push(group);
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Every card number spelt in `text`, in order: each window of consecutive digit groups of a run
 * whose digits make 13 to 19 (a PAN followed by its expiry is still found) and are a number some
 * scheme issues, with a valid Luhn digit. Never inside a UUID or a long hex identifier.
 */
export function findCardNumberMatches(text: string): CardNumberMatch[] {
  if (!mayHoldCardNumber(text)) return [];
  const found: CardNumberMatch[] = [];
  for (const run of digitRuns(text)) {
    for (let first = 0; first < run.length; first++) {
      let digits = '';
      for (let last = first; last < run.length; last++) {
        digits += run[last].digits;
        if (digits.length > LONGEST) break;
        if (digits.length >= SHORTEST && isCardNumber(digits)) {
          found.push({ digits, start: run[first].start, end: run[last].end });
        }
      }
    }
  }
  return found.length > 0 ? outsideIdentifiers(text, found) : found;
}

function outsideIdentifiers(text: string, found: CardNumberMatch[]): CardNumberMatch[] {
  const identifiers = [...text.matchAll(IDENTIFIER)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  return found.filter(
    (card) => !identifiers.some((id) => card.start < id.end && id.start < card.end),
  );
}

/** The digits of every card number in `text` (any spelling), see findCardNumberMatches. */
export function findCardNumbers(text: string): string[] {
  return findCardNumberMatches(text).map((match) => match.digits);
}

/**
 * `text` with each card number, however spelt, replaced by `[card …1234]` (its last four
 * digits); overlapping finds are masked as one. The same string when there is none.
 */
export function maskCardNumbers(text: string): string {
  const matches = findCardNumberMatches(text);
  if (matches.length === 0) return text;
  let masked = '';
  let cursor = 0;
  for (let i = 0; i < matches.length;) {
    const first = matches[i];
    let end = first.end;
    while (++i < matches.length && matches[i].start < end) end = Math.max(end, matches[i].end);
    masked += `${text.slice(cursor, first.start)}[card …${first.digits.slice(-4)}]`;
    cursor = end;
  }
  return masked + text.slice(cursor);
}

/**
 * A JSON-like value with card numbers masked in every string and object key (numbers are left:
 * ours are ids and times). The same value, not a copy, when nothing needed masking.
 */
export function maskCardNumbersIn<T>(value: T): T {
  if (typeof value === 'string') return maskCardNumbers(value) as T;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => maskCardNumbersIn(item));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (typeof value !== 'object' || value === null) return value;
  let changed = false;
  const entries = Object.entries(value).map(([key, item]) => {
    const entry = [maskCardNumbers(key), maskCardNumbersIn(item)] as const;
    changed ||= entry[0] !== key || entry[1] !== item;
    return entry;
  });
  return (changed ? Object.fromEntries(entries) : value) as T;
}
