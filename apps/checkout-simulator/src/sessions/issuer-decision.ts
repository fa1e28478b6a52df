import { EXEMPTION_LIMIT_EUR, withinEur } from './sca-amounts.js';
import type { Scenario } from './scenarios.js';

/** The request's `challenge_indicator` values (Checkout's `ChallengeIndicator`). */
export const CHALLENGE_INDICATORS = [
  'no_preference',
  'no_challenge_requested',
  'challenge_requested',
  'challenge_requested_mandate',
  'low_value',
  'trusted_listing',
  'trusted_listing_prompt',
  'transaction_risk_assessment',
  'data_share',
] as const;
export type ChallengeIndicator = (typeof CHALLENGE_INDICATORS)[number];

/** What a 3DS2 test card does without any preference from the merchant. */
export const CARD_KINDS = [
  'frictionless_y',
  'frictionless_a',
  /** N, R or U at once: the issuer refuses or cannot authenticate. */
  'frictionless_refusal',
  /** The scheme's DS fails (`ares_error`). */
  'frictionless_ds_error',
  /** ARes C whatever the RReq then says. */
  'challenge',
] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** `exemption.applied` values the model can answer (Checkout's enum; `none`: no exemption). */
export type AppliedExemption =
  'none' | 'low_value' | 'transaction_risk_assessment' | 'trusted_listing';

/**
 * What the simulated issuer does:
 * - `card`: the card's own scenario (its frictionless result, or its challenge);
 * - `challenge`: a frictionless-Y card is challenged (ARes C); the RReq then carries Y.
 *   `mandated` is EMV acsChallengeMandated: true only when the requestor has a mandate;
 * - `informational`: ARes I, "3DS Requestor challenge preference acknowledged" (EMV 3DS 2.2
 *   transStatus I), with the exemption the issuer applied.
 */
export type IssuerDecision =
  | { readonly path: 'card' }
  | { readonly path: 'challenge'; readonly mandated: boolean }
  | { readonly path: 'informational'; readonly applied: AppliedExemption };

export interface IssuerInput {
  readonly indicator: ChallengeIndicator;
  readonly card: CardKind;
  /** Minor units; absent on a non-payment authentication. */
  readonly amount: number | undefined;
  readonly currency: string;
  /** The request's prior authentication (`initial_transaction`) says a challenge occurred. */
  readonly priorChallenge: boolean;
  /** The data-driven risk model would challenge this request (false when that mode is off). */
  readonly riskChallenge: boolean;
}

const CARD: IssuerDecision = { path: 'card' };

/**
 * The issuer's risk-based answer when the merchant expresses no preference the issuer acts on:
 * the card's scenario, unless the data-driven model challenges a card that can be challenged.
 */
const byRisk = (input: IssuerInput): IssuerDecision =>
  input.card === 'frictionless_y' && input.riskChallenge
    ? { path: 'challenge', mandated: false }
    : CARD;

/**
 * A challenge preference without a mandate (EMV 03 "challenge requested: 3DS Requestor
 * preference", and 09 which asks for a trusted-listing prompt in it): the issuer's discretion.
 * The model honours it except on a low-value amount, where it keeps the frictionless answer.
 */
const preference = (input: IssuerInput): IssuerDecision =>
  input.card === 'frictionless_y' &&
  !withinEur(input.amount, input.currency, EXEMPTION_LIMIT_EUR.low_value)
    ? { path: 'challenge', mandated: false }
    : byRisk(input);

/**
 * An exemption (or data share) is applied only by an issuer that would approve without a
 * challenge (frictionless Y or A) and only within its rule. Refused, the session goes on as
 * `no_challenge_requested` (Checkout's documented fallback): the card's own answer, `none`.
 */
const exemption =
  (applied: AppliedExemption, rule: (input: IssuerInput) => boolean) =>
  (input: IssuerInput): IssuerDecision =>
    (input.card === 'frictionless_y' || input.card === 'frictionless_a') && rule(input)
      ? { path: 'informational', applied }
      : byRisk(input);

/** One rule per indicator: a missing or new indicator does not compile. */
const RULES: Record<ChallengeIndicator, (input: IssuerInput) => IssuerDecision> = {
  no_preference: byRisk,
  no_challenge_requested: byRisk,
  challenge_requested: preference,
  trusted_listing_prompt: preference,
  // EMV 04 "challenge requested: mandate": every card that can be challenged is.
  challenge_requested_mandate: (input) =>
    input.card === 'frictionless_y' ? { path: 'challenge', mandated: true } : byRisk(input),
  // PSD2 RTS Art. 16: at most EUR 30 (the cumulative counters are not modelled).
  low_value: exemption('low_value', (input) =>
    withinEur(input.amount, input.currency, EXEMPTION_LIMIT_EUR.low_value),
  ),
  // PSD2 RTS Art. 18: up to the model's exemption threshold value.
  transaction_risk_assessment: exemption('transaction_risk_assessment', (input) =>
    withinEur(input.amount, input.currency, EXEMPTION_LIMIT_EUR.transaction_risk_assessment),
  ),
  // PSD2 RTS Art. 13: a listing is made with SCA, so the model's issuer holds one only when the
  // request shows an earlier challenged authentication.
  trusted_listing: exemption('trusted_listing', (input) => input.priorChallenge),
  // Data only: not an SCA exemption, so nothing is `applied`; any amount.
  data_share: exemption('none', () => true),
};

/** The simulated issuer's decision for a 3DS2 browser or app authentication. */
export function decideAsIssuer(input: IssuerInput): IssuerDecision {
  return RULES[input.indicator](input);
}

const KIND_OF_FRICTIONLESS: Record<Scenario['outcome'], CardKind> = {
  Y: 'frictionless_y',
  A: 'frictionless_a',
  N: 'frictionless_refusal',
  R: 'frictionless_refusal',
  U: 'frictionless_refusal',
  ds_error: 'frictionless_ds_error',
  // Refused at creation; never authenticated.
  card_not_enrolled: 'frictionless_refusal',
  issuer_not_enrolled: 'frictionless_refusal',
};

export function cardKindOf(scenario: Scenario): CardKind {
  return scenario.flow === 'challenge' ? 'challenge' : KIND_OF_FRICTIONLESS[scenario.outcome];
}

/**
 * The indicator as a session shows it: Checkout's response schema lists only the four EMV
 * preferences. An exemption request travels as EMV's "no challenge requested" family (05 TRA
 * performed, 06 data share only, 08 trusted listing; low value has no code of its own, and
 * Checkout sends `no_challenge_requested` when it cannot be applied); the trusted-listing prompt
 * is EMV 09, a "challenge requested".
 */
const ECHOED_INDICATOR: Record<
  ChallengeIndicator,
  'no_preference' | 'no_challenge_requested' | 'challenge_requested' | 'challenge_requested_mandate'
> = {
  no_preference: 'no_preference',
  no_challenge_requested: 'no_challenge_requested',
  challenge_requested: 'challenge_requested',
  challenge_requested_mandate: 'challenge_requested_mandate',
  low_value: 'no_challenge_requested',
  transaction_risk_assessment: 'no_challenge_requested',
  trusted_listing: 'no_challenge_requested',
  data_share: 'no_challenge_requested',
  trusted_listing_prompt: 'challenge_requested',
};

/** The `challenge_indicator` a session (and its webhooks) show; absent when none was sent. */
export function echoedIndicator(requested: unknown): string | undefined {
  return requested === undefined ? undefined : ECHOED_INDICATOR[indicatorOf(requested)];
}

/** The request's indicator; Checkout's default when absent, and so for one it does not know. */
export function indicatorOf(value: unknown): ChallengeIndicator {
  return (CHALLENGE_INDICATORS as readonly unknown[]).includes(value)
    ? (value as ChallengeIndicator)
    : 'no_preference';
}
