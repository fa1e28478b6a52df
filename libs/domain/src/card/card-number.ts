/** ISO/IEC 7812 check digit (Luhn, mod 10). */
export function isLuhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === digits.at(-1);
}

/** The Luhn digit that completes `payload` (ASCII digits) into a valid number. */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Doubled: the payload's last digit, and every second one before it.
    let digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
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
