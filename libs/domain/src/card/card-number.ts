/** ISO/IEC 7812 check digit (Luhn, mod 10). */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card is usable through the last day of its expiry month. */
export function isExpired(month: number, year: number, now: Date): boolean {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  return year * 12 + month < current;
}

/** What may be kept of a PAN (PCI DSS 3.4): the first 6 and last 4 digits. */
export function maskedParts(pan: string): { bin: string; last4: string } {
  return { bin: pan.slice(0, 6), last4: pan.slice(-4) };
}

/**
 * Digit runs that could be a PAN: 13 to 19 digits in a row, even glued to letters
 * ("ORDER4242…"), or a whole number printed in PAN groups (4-4-4-1…7, or Amex's 4-6-5) split by
 * single spaces or hyphens. Grouped digits inside a longer hyphenated token (a UUID's groups)
 * are not a card.
 */
const CANDIDATE_RUN =
  /(?<!\d)\d{13,19}(?!\d)|(?<![\w-])(?:\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{5})(?![\w-])/g;

/** Every Luhn-valid 13–19-digit run in `text` (ISO/IEC 7812 lengths), digits only. */
export function findCardNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CANDIDATE_RUN)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits)) found.push(digits);
  }
  return found;
}

/** `text` with each card-like run replaced by `[card …1234]`: the last line of defence in logs. */
export function maskCardNumbers(text: string): string {
  return text.replace(CANDIDATE_RUN, (run) => {
    const digits = run.replace(/[ -]/g, '');
    return digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits)
      ? `[card …${digits.slice(-4)}]`
      : run;
  });
}
