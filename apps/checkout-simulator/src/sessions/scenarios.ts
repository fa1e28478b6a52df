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

/** A number outside the test table: refused at creation as `card_not_enrolled`. */
const UNKNOWN_CARD: Scenario = {
  scheme: 'visa',
  flow: 'frictionless',
  outcome: 'card_not_enrolled',
  threeDsMethodUrl: false,
};

/** A `token` or `id` source, which the simulator cannot resolve to a test card. */
const VAULTED_CARD: Omit<Scenario, 'scheme'> = {
  flow: 'frictionless',
  outcome: 'Y',
  threeDsMethodUrl: true,
};

/**
 * The scenario of a request's card. A number outside the test table is refused as an unenrolled
 * card: no directory server lists a card range holding it (the EMV PReq/PRes card range data),
 * so 3DS2 cannot run and Checkout's code is `card_not_enrolled`. Our reading of Checkout's
 * "genuine card numbers will produce an error" in its sandbox (docs/simulator-issuer-model.md).
 * A `token` or `id` source names no number: the simulator has no vault, so it stands for a
 * frictionless-Y card of the cardholder's `source.scheme`. Amount 123321 downgrades any enrolled
 * card to 3DS1.
 */
export function scenarioFor(
  cardNumber: string | undefined,
  sourceScheme: CardScheme | undefined,
  amount: number | undefined,
): Scenario {
  const scenario: Scenario = cardNumber
    ? (SCENARIO_BY_CARD.get(cardNumber) ?? UNKNOWN_CARD)
    : { ...VAULTED_CARD, scheme: sourceScheme ?? 'visa' };
  const enrolled =
    scenario.outcome !== 'card_not_enrolled' && scenario.outcome !== 'issuer_not_enrolled';
  if (amount === THREE_DS1_FALLBACK_AMOUNT && enrolled && scenario.flow !== '3ds1') {
    const outcome = scenario.outcome === 'ds_error' ? 'U' : scenario.outcome;
    return { ...scenario, flow: '3ds1', outcome, threeDsMethodUrl: false };
  }
  return scenario;
}
