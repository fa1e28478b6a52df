import testCards from '../../../../contracts/checkout/test-cards.json' with { type: 'json' };
import {
  CARD_KINDS,
  CHALLENGE_INDICATORS,
  cardKindOf,
  decideAsIssuer,
  indicatorOf,
  type CardKind,
  type ChallengeIndicator,
  type IssuerDecision,
  type IssuerInput,
} from './issuer-decision.js';
import { limitInMinorUnits } from './sca-amounts.js';
import { scenarioFor } from './scenarios.js';

/** `card`, `C` (challenge, a preference), `C!` (mandated challenge), `I:<exemption applied>`. */
function short(decision: IssuerDecision): string {
  if (decision.path === 'card') return 'card';
  if (decision.path === 'challenge') return decision.mandated ? 'C!' : 'C';
  return `I:${decision.applied}`;
}

const input = (overrides: Partial<IssuerInput>): IssuerInput => ({
  indicator: 'no_preference',
  card: 'frictionless_y',
  amount: 2_000,
  currency: 'EUR',
  priorChallenge: false,
  riskChallenge: false,
  ...overrides,
});

type Row = Record<CardKind, string>;
const row = (
  y: string,
  a: string,
  refusal = 'card',
  dsError = 'card',
  challenge = 'card',
): Row => ({
  frictionless_y: y,
  frictionless_a: a,
  frictionless_refusal: refusal,
  frictionless_ds_error: dsError,
  challenge,
});

/**
 * Every indicator × every card kind, for two requests: EUR 20.00 after a challenged earlier
 * authentication (inside every exemption's rule), and EUR 200.00 without one (over the low-value
 * limit, under the TRA threshold). Refusing, N/R/U, DS-error and challenge cards answer as the
 * card does under every indicator.
 */
const TABLE: Record<
  'eur_20_with_prior_challenge' | 'eur_200_without',
  Record<ChallengeIndicator, Row>
> = {
  eur_20_with_prior_challenge: {
    no_preference: row('card', 'card'),
    no_challenge_requested: row('card', 'card'),
    challenge_requested: row('card', 'card'),
    trusted_listing_prompt: row('card', 'card'),
    challenge_requested_mandate: row('C!', 'card'),
    low_value: row('I:low_value', 'I:low_value'),
    transaction_risk_assessment: row(
      'I:transaction_risk_assessment',
      'I:transaction_risk_assessment',
    ),
    trusted_listing: row('I:trusted_listing', 'I:trusted_listing'),
    data_share: row('I:none', 'I:none'),
  },
  eur_200_without: {
    no_preference: row('card', 'card'),
    no_challenge_requested: row('card', 'card'),
    challenge_requested: row('C', 'card'),
    trusted_listing_prompt: row('C', 'card'),
    challenge_requested_mandate: row('C!', 'card'),
    low_value: row('card', 'card'),
    transaction_risk_assessment: row(
      'I:transaction_risk_assessment',
      'I:transaction_risk_assessment',
    ),
    trusted_listing: row('card', 'card'),
    data_share: row('I:none', 'I:none'),
  },
};
const CONTEXT = {
  eur_20_with_prior_challenge: { amount: 2_000, priorChallenge: true },
  eur_200_without: { amount: 20_000, priorChallenge: false },
} as const;

describe('decideAsIssuer: challenge_indicator per card kind', () => {
  for (const [name, rows] of Object.entries(TABLE) as [
    keyof typeof TABLE,
    typeof TABLE.eur_200_without,
  ][]) {
    describe(name, () => {
      it.each(
        CHALLENGE_INDICATORS.flatMap((indicator) =>
          CARD_KINDS.map((card) => [indicator, card] as const),
        ),
      )('%s on a %s card', (indicator, card) => {
        const decision = decideAsIssuer(input({ indicator, card, ...CONTEXT[name] }));
        expect(short(decision)).toBe(rows[indicator][card]);
      });
    });
  }

  it.each([
    ['EUR', 3_000, 'I:low_value'],
    ['EUR', 3_001, 'card'],
    ['USD', 3_300, 'I:low_value'],
    ['USD', 3_301, 'card'],
    ['GBP', 2_550, 'I:low_value'],
    ['JPY', 4_800, 'I:low_value'],
    ['JPY', 4_801, 'card'],
    ['XAF', 100, 'card'],
    ['EUR', undefined, 'card'],
  ])(
    'low_value in %s for %s minor units: %s (EUR 30 equivalent, refused without a rate or amount)',
    (currency, amount, expected) => {
      const decision = decideAsIssuer(input({ indicator: 'low_value', currency, amount }));
      expect(short(decision)).toBe(expected);
    },
  );

  it.each([
    [25_000, 'I:transaction_risk_assessment'],
    [25_001, 'card'],
  ])(
    'transaction_risk_assessment for EUR %s minor units: %s (EUR 250 threshold)',
    (amount, expected) => {
      const decision = decideAsIssuer(input({ indicator: 'transaction_risk_assessment', amount }));
      expect(short(decision)).toBe(expected);
    },
  );

  it('challenge_requested on a non-payment authentication (no amount) is honoured', () => {
    const decision = decideAsIssuer(input({ indicator: 'challenge_requested', amount: undefined }));
    expect(short(decision)).toBe('C');
  });

  describe('with the data-driven model drawing a challenge', () => {
    it.each(CHALLENGE_INDICATORS.map((indicator) => [indicator]))(
      '%s: a frictionless Y card is challenged unless an exemption is applied or a mandate asks',
      (indicator) => {
        const decision = decideAsIssuer(
          input({ indicator, riskChallenge: true, priorChallenge: true }),
        );
        const expected = TABLE.eur_20_with_prior_challenge[indicator].frictionless_y;
        expect(short(decision)).toBe(expected === 'card' ? 'C' : expected);
      },
    );

    it.each(CARD_KINDS.filter((card) => card !== 'frictionless_y').map((card) => [card]))(
      'a %s card keeps its own answer',
      (card) => {
        expect(short(decideAsIssuer(input({ card, riskChallenge: true })))).toBe('card');
      },
    );
  });
});

describe('cardKindOf and indicatorOf', () => {
  it('reads every 3DS2 test card as one of the kinds', () => {
    const kinds = testCards.cards
      .filter((card) => card.flow !== '3ds1')
      .map((card) => cardKindOf(scenarioFor(card.number, undefined, 100)));
    expect(new Set(kinds)).toEqual(new Set(CARD_KINDS));
  });

  it("takes Checkout's default for an absent indicator", () => {
    expect(indicatorOf(undefined)).toBe('no_preference');
    expect(indicatorOf('data_share')).toBe('data_share');
  });

  it('converts the EUR limits at the model rates, in minor units', () => {
    expect(limitInMinorUnits(30, 'EUR')).toBe(3_000);
    expect(limitInMinorUnits(30, 'usd')).toBe(3_300);
    expect(limitInMinorUnits(250, 'JPY')).toBe(40_000);
    expect(limitInMinorUnits(30, 'XAF')).toBeUndefined();
  });
});
