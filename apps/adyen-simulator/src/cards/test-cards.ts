import table from './test-cards.json' with { type: 'json' };

export type TransStatus = 'Y' | 'A' | 'N' | 'R' | 'U';
export type CardFlow = 'frictionless' | 'challenge' | 'not_enrolled' | 'ds_error';

export interface TestCard {
  readonly number: string;
  readonly brand: string;
  readonly source: 'adyen-docs' | 'model';
  readonly flow: CardFlow;
  /** The issuer's answer: the ARes for a frictionless card, the RReq after a right password. */
  readonly outcome: TransStatus | null;
  /** Whether the card range has a 3DS Method URL (no fingerprint step without one). */
  readonly threeDSMethod: boolean;
}

export const TEST_CARDS = table.cards as readonly TestCard[];

/**
 * The table's card, or, for any other number that passes the Luhn check, a card outside every
 * 3DS2 card range: not enrolled (docs/adyen-simulator.md#test-cards).
 */
export function testCardFor(number: string): TestCard {
  return (
    TEST_CARDS.find((card) => card.number === number) ?? {
      number,
      brand: brandOf(number),
      source: 'model',
      flow: 'not_enrolled',
      outcome: null,
      threeDSMethod: false,
    }
  );
}

function brandOf(number: string): string {
  if (number.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mc';
  if (/^3[47]/.test(number)) return 'amex';
  return 'card';
}

export function passesLuhn(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let index = 0; index < number.length; index++) {
    let digit = Number(number[number.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** ECI per scheme and transStatus (EMV / scheme rules; docs/adyen-simulator.md#results). */
export function eciFor(brand: string, status: TransStatus): string {
  const mastercard = brand === 'mc';
  if (status === 'Y') return mastercard ? '02' : '05';
  if (status === 'A') return mastercard ? '01' : '06';
  return mastercard ? '00' : '07';
}

/** EMV transStatusReason the model gives a refusal: 01 card authentication failed, 11 suspected fraud, 14 timed out at the ACS. */
export function transStatusReasonFor(status: TransStatus): string | undefined {
  return { N: '01', R: '11', U: '14' }[status as 'N' | 'R' | 'U'];
}
