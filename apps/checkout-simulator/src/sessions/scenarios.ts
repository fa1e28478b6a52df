import testCards from '../../../../contracts/checkout/test-cards.json' with { type: 'json' };

export const CARD_SCHEMES = [
  'visa',
  'mastercard',
  'amex',
  'jcb',
  'diners',
  'cartes_bancaires',
  'discover',
  'upi',
] as const;
export type CardScheme = (typeof CARD_SCHEMES)[number];

/**
 * EMV transStatus values a session can end in. `I` (informational only) never comes from a card:
 * the issuer model answers it when it accepts an exemption or a data share
 * (docs/simulator-issuer-model.md).
 */
export type TransStatus = 'Y' | 'N' | 'U' | 'A' | 'R' | 'I';

/** What a card does, decided once at session creation from Checkout's sandbox test-card table. */
export interface Scenario {
  readonly scheme: CardScheme;
  /** frictionless: ARes is final. challenge: ARes says C, the RReq carries `outcome`. 3ds1: downgrade. */
  readonly flow: 'frictionless' | 'challenge' | '3ds1';
  readonly outcome:
    Exclude<TransStatus, 'I'> | 'ds_error' | 'card_not_enrolled' | 'issuer_not_enrolled';
  readonly threeDsMethodUrl: boolean;
}

interface TestCard {
  readonly number: string;
  readonly scheme: string;
  readonly flow: string;
  readonly outcome: string;
  readonly three_ds_method_url: boolean;
}

const SCENARIO_BY_CARD = new Map<string, Scenario>(
  (testCards.cards as readonly TestCard[]).map((card) => [
    card.number,
    {
      scheme: card.scheme as CardScheme,
      flow: card.flow as Scenario['flow'],
      outcome: card.outcome as Scenario['outcome'],
      threeDsMethodUrl: card.three_ds_method_url,
    },
  ]),
);

/**
 * Checkout's old sandbox downgraded 3DS2 to 3DS1 for this amount
 * (docs/checkout-sessions.md#3ds1-fallback).
 */
export const THREE_DS1_FALLBACK_AMOUNT = 123321;

/** The challenge password of Checkout's sandbox ACS simulator. */
export const CHALLENGE_PASSWORD: string = testCards.password_for_challenge;

/**
 * The scenario of a card number. Unknown cards authenticate frictionless with Y; the amount
 * 123321 downgrades any enrolled card to 3DS1.
 */
export function scenarioFor(cardNumber: string | undefined, amount: number | undefined): Scenario {
  const known = cardNumber ? SCENARIO_BY_CARD.get(cardNumber) : undefined;
  const scenario: Scenario = known ?? {
    scheme: schemeOfBin(cardNumber ?? ''),
    flow: 'frictionless',
    outcome: 'Y',
    threeDsMethodUrl: true,
  };
  const enrolled =
    scenario.outcome !== 'card_not_enrolled' && scenario.outcome !== 'issuer_not_enrolled';
  if (amount === THREE_DS1_FALLBACK_AMOUNT && enrolled && scenario.flow !== '3ds1') {
    const outcome = scenario.outcome === 'ds_error' ? 'U' : scenario.outcome;
    return { ...scenario, flow: '3ds1', outcome, threeDsMethodUrl: false };
  }
  return scenario;
}

/** Scheme from the leading digits (ISO/IEC 7812 ranges), for cards outside the test table. */
export function schemeOfBin(number: string): CardScheme {
  const two = Number(number.slice(0, 2));
  const four = Number(number.slice(0, 4));
  if (number.startsWith('4')) return 'visa';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  if (two === 34 || two === 37) return 'amex';
  if (two === 35) return 'jcb';
  if (two === 36 || two === 38 || two === 30) return 'diners';
  if (number.startsWith('6011') || two === 65) return 'discover';
  if (two === 62) return 'upi';
  return 'visa';
}
