import fc from 'fast-check';
import { findCardNumbers, maskCardNumbers } from './card-data.js';
import { luhnCheckDigit } from './card-number.js';
import { cardSchemeOf, IIN_RANGES, isCardNumber } from './card-schemes.js';

const RUNS = { numRuns: 10_000 };

/**
 * The digits 0–9 of every decimal numbering system ICU knows (`Intl`: fullwidth, Arabic-Indic,
 * Devanagari, Thai, mathematical bold…), an oracle independent of the detector's own mapping.
 */
const SCRIPTS: readonly (readonly string[])[] = Intl.supportedValuesOf('numberingSystem')
  .map((system) => {
    const format = new Intl.NumberFormat(`en-u-nu-${system}`, { useGrouping: false });
    return Array.from({ length: 10 }, (_, digit) => format.format(digit));
  })
  .filter((digits) => digits.every((digit) => /^\p{Nd}$/u.test(digit)));
const DIGIT_VALUE = new Map(SCRIPTS.flatMap((digits) => digits.map((d, value) => [d, value])));

/** The digits a text spells, in ASCII, whatever stands between them. */
const digitsIn = (text: string): string =>
  [...text].map((char) => DIGIT_VALUE.get(char) ?? '').join('');

const SEPARATORS = [
  ...[' ', '\t', '.', '-', '_', '/'],
  ...['\u00a0', '\u2007', '\u202f', '\u2009', '\u3000'], // no-break, figure, narrow, thin, ideographic
  ...['\u2010', '\u2011', '\u2013', '\u2014', '\u2212', '\ufe63', '\uff0d'], // hyphens, dashes, minus
  ...['\uff0e', '\uff0f', '\uff3f', '\u00b7', '\u2024', '\u2044', '\u30fb'], // dots, slashes, low line
  ...['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e'], // invisible
];
/** Letters glued to a number (no hex letters: a long hex run is an identifier). */
const GLUED = fc.oneof(
  fc.constantFrom('ORD', 'ref', 'ORDER', 'INV', 'x', 'pan', 'No'),
  fc.stringMatching(/^[g-zG-Z]{1,6}$/),
);

/** A number some scheme issues: a prefix in one of its IIN ranges, a length, the Luhn digit. */
const aCardNumber = fc.constantFrom(...IIN_RANGES).chain((iin) =>
  fc
    .tuple(
      fc.integer({ min: Number(iin.low), max: Number(iin.high) }),
      fc.constantFrom(...iin.lengths),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }),
    )
    .map(([lead, length, rest]) => {
      const prefix = String(lead).padStart(iin.low.length, '0');
      const payload = (prefix + rest.join('')).slice(0, length - 1);
      return payload + luhnCheckDigit(payload);
    }),
);

/** `digits` spelt as a person or a copy-paste might: scripts, separators, letters around. */
const aSpelling = (digits: string) =>
  fc
    .record({
      script: fc.constantFrom(...SCRIPTS),
      mixed: fc.boolean(),
      perDigit: fc.array(fc.constantFrom(...SCRIPTS), {
        minLength: digits.length,
        maxLength: digits.length,
      }),
      gaps: fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constant('') },
          {
            weight: 1,
            arbitrary: fc
              .array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 3 })
              .map((s) => s.join('')),
          },
        ),
        { minLength: digits.length - 1, maxLength: digits.length - 1 },
      ),
      before: fc.oneof(
        fc.constant(''),
        GLUED,
        GLUED.map((letters) => `${letters}-`),
        GLUED.map((letters) => `${letters}_`),
        fc.constant('card: '),
      ),
      after: fc.oneof(fc.constant(''), GLUED, fc.constant(' exp 12/27'), fc.constant(', thanks')),
    })
    .map(({ script, mixed, perDigit, gaps, before, after }) => {
      const spelt = [...digits].map((digit, i) => {
        const glyph = (mixed ? perDigit[i] : script)[Number(digit)];
        return i === 0 ? glyph : gaps[i - 1] + glyph;
      });
      return { text: before + spelt.join('') + after, before };
    });

describe('card numbers in every spelling (property)', () => {
  it('finds every number of every scheme, however it is spelt, and masks it', () => {
    fc.assert(
      fc.property(
        aCardNumber.chain((pan) => aSpelling(pan).map((spelling) => ({ pan, ...spelling }))),
        ({ pan, text, before }) => {
          const found = findCardNumbers(text);
          expect(found).toContain(pan);
          const masked = maskCardNumbers(text);
          expect(masked.startsWith(before)).toBe(true);
          expect(findCardNumbers(masked)).toEqual([]);
          expect(digitsIn(masked)).not.toContain(pan.slice(0, -4));
          if (found.length === 1) expect(masked).toContain(`[card …${pan.slice(-4)}]`);
        },
      ),
      RUNS,
    );
  });

  it('finds a single run of 13 to 19 digits exactly when a scheme issues it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13,19}$/), GLUED, (digits, letters) => {
        const expected = isCardNumber(digits) ? [digits] : [];
        expect(findCardNumbers(digits)).toEqual(expected);
        expect(findCardNumbers(`${letters}-${digits}`)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('never finds what is not a card number, and masking leaves none behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(findCardNumbers(text).every(isCardNumber)).toBe(true);
        const masked = maskCardNumbers(text);
        expect(findCardNumbers(masked)).toEqual([]);
        expect(maskCardNumbers(masked)).toBe(masked);
      }),
      RUNS,
    );
  });
});

/** Milliseconds from 1970 to the end of 2128: 13-digit ones start with 1 to 5.01 (2129). */
const LAST_MS = Date.UTC(2128, 11, 31, 23, 59, 59, 999);
const REFERENCES = [
  (id: string) => id,
  (id: string) => `ORDER-${id}`,
  (id: string) => `ord_${id}`,
  (id: string) => `INV/${id}`,
  (id: string) => `order ${id}`,
  (id: string) => `ORDER${id}`,
  (id: string) => `${id}-A`,
];
const inAReference = (ids: fc.Arbitrary<string>) =>
  fc.tuple(ids, fc.constantFrom(...REFERENCES)).map(([id, reference]) => reference(id));

/** An RFC 9562 UUID of `version` from random bytes, as text. */
const aUuidOf = (version: number) =>
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => {
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const v = `${hex.slice(0, 12)}${version}${hex.slice(13, 16)}${variant}${hex.slice(17)}`;
    return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
  });
/** A UUIDv7 whose first 48 bits are a real millisecond time. */
const aUuidV7 = fc.tuple(fc.integer({ min: 0, max: LAST_MS }), aUuidOf(7)).map(([ms, uuid]) => {
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}${uuid.slice(13)}`;
});

const aDate = fc.date({
  min: new Date(Date.UTC(1990, 0, 1)),
  max: new Date(LAST_MS),
  noInvalidDate: true,
});
const compact = (date: Date, length: number) =>
  date.toISOString().replace(/\D/g, '').slice(0, length);
/** Order numbers as shops write them (dates lead, so their runs start with 19, 20 or 21). */
const anOrderNumber = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('ORD', 'SO', 'PO', 'INV', 'ord', 'R'),
      fc.constantFrom('-', '_', '/', ''),
      aDate,
      fc.stringMatching(/^\d{1,6}$/),
    )
    .map(([prefix, sep, date, seq]) => `${prefix}${sep}${compact(date, 8)}${sep}${seq}`),
  fc
    .tuple(fc.constantFrom('ORD', 'PO'), aDate, fc.stringMatching(/^\d{1,9}$/))
    .map(([prefix, date, seq]) => `${prefix}-${date.toISOString().slice(0, 10)}-${seq}`),
  aDate.map((date) => compact(date, 14)),
  fc.stringMatching(/^\d{1,12}$/).map((n) => `#${n}`),
  fc.stringMatching(/^\d{1,12}$/),
);

describe('what is not a card number (property)', () => {
  it('passes millisecond timestamps, bare and in references', () => {
    fc.assert(
      fc.property(inAReference(fc.integer({ min: 0, max: LAST_MS }).map(String)), (text) => {
        expect(findCardNumbers(text)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('passes second timestamps and ISO times, bare and in references', () => {
    const seconds = fc.integer({ min: 0, max: 9_999_999_999 }).map(String);
    const iso = fc.integer({ min: 0, max: LAST_MS }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(inAReference(fc.oneof(seconds, iso)), (text) => {
        expect(findCardNumbers(text)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('passes UUIDs v1, v4 and v7, in any case and wrapping', () => {
    const uuids = fc.oneof(fc.uuid({ version: [1, 4, 7] }), aUuidOf(1), aUuidOf(4), aUuidV7);
    const wrapped = fc
      .tuple(uuids, fc.constantFrom('', 'req_', 'urn:uuid:', 'key ', '{'), fc.boolean())
      .map(([uuid, before, upper]) => `${before}${upper ? uuid.toUpperCase() : uuid}`);
    fc.assert(
      fc.property(wrapped, (text) => {
        expect(findCardNumbers(text)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('passes order numbers', () => {
    fc.assert(
      fc.property(inAReference(anOrderNumber), (text) => {
        expect(findCardNumbers(text)).toEqual([]);
      }),
      RUNS,
    );
  });

  /** GS1 check digit: weights 3 and 1 from the right, mod 10. */
  const gs1 = (payload: string): string => {
    const sum = [...payload]
      .reverse()
      .reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
    return payload + String((10 - (sum % 10)) % 10);
  };
  /** GS1 prefixes: Germany, the UK, Poland, China, and the Maestro ranges a code may share. */
  const aPrefix = fc.constantFrom('', '400', '440', '50', '590', '690', '5018', '6304', '6759');

  it('passes EAN-13 codes unless Maestro issues them too (the only 13-digit scheme)', () => {
    const ean13 = fc
      .tuple(aPrefix, fc.stringMatching(/^\d{12}$/))
      .map(([prefix, digits]) => gs1((prefix + digits).slice(0, 12)));
    fc.assert(
      fc.property(ean13, (code) => {
        const found = findCardNumbers(`sku ${code}`);
        expect(found).toEqual(isCardNumber(code) ? [code] : []);
        if (found.length > 0) expect(cardSchemeOf(code)).toBe('maestro');
      }),
      RUNS,
    );
  });

  it('passes UPC-A codes (12 digits: no card number is looked for that short)', () => {
    const upcA = fc
      .tuple(aPrefix, fc.stringMatching(/^\d{11}$/))
      .map(([prefix, digits]) => gs1((prefix + digits).slice(0, 11)));
    fc.assert(
      fc.property(upcA, (code) => {
        expect(findCardNumbers(`upc ${code}`)).toEqual([]);
      }),
      RUNS,
    );
  });
});
