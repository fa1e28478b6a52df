import type { SessionRequest } from '../provider/session-request.js';
import {
  listed,
  paymentFactsOf,
  paymentMatches,
  type PaymentConditions,
  type PaymentFacts,
} from './payment-conditions.js';

/**
 * The `challenge_indicator` values a policy may choose: the provider's SCA exemptions (PSD2 RTS
 * Art. 13, 16 and 18), a data share, and the EMV 3DS Requestor challenge preferences.
 */
export const POLICY_INDICATORS = [
  'low_value',
  'transaction_risk_assessment',
  'trusted_listing',
  'data_share',
  'challenge_requested',
  'challenge_requested_mandate',
  'no_preference',
] as const;
export type PolicyIndicator = (typeof POLICY_INDICATORS)[number];

/**
 * The indicators that ask the issuer for an SCA exemption: the result says whether it was applied
 * (the provider's `exemption.applied`). A data share is not an exemption.
 */
export const EXEMPTION_REQUESTS = [
  'low_value',
  'transaction_risk_assessment',
  'trusted_listing',
] as const;
export type ExemptionRequest = (typeof EXEMPTION_REQUESTS)[number];

export const isExemptionRequest = (indicator: string | undefined): indicator is ExemptionRequest =>
  (EXEMPTION_REQUESTS as readonly (string | undefined)[]).includes(indicator);

/**
 * The merchant's own risk signals, from the create's `merchant_risk_info` and `account_info`
 * (EMV merchantRiskIndicator and cardholder account information). A flag not sent is false.
 */
export interface MerchantRiskSignals {
  readonly is_reorder?: boolean;
  readonly is_preorder?: boolean;
  /** Gift cards in the purchase (`gift_card_count` sent). */
  readonly gift_card?: boolean;
  readonly suspicious_account_activity?: boolean;
}

/** Every condition given must hold; a rule without conditions matches every request. */
export interface RuleConditions extends PaymentConditions {
  /** The create's `authentication_type` (`regular` when not sent): recurring, installment … */
  readonly authentication_types?: readonly string[];
  readonly merchant_risk?: MerchantRiskSignals;
}

export interface ExemptionRule {
  /** Unique in its policy: recorded with every decision it makes, and a metrics label. */
  readonly name: string;
  readonly when: RuleConditions;
  readonly challenge_indicator: PolicyIndicator;
}

/** A team's policy: the first rule that matches chooses; none matching, `otherwise` does. */
export interface ExemptionPolicy {
  /** The team's own version label, recorded with every decision (which policy decided). */
  readonly version: string;
  readonly rules: readonly ExemptionRule[];
  readonly otherwise: PolicyIndicator;
}

/** How the indicator sent to the provider was chosen, as the timeline and the answer show it. */
export type ExemptionDecision =
  | { readonly decided_by: 'request'; readonly challenge_indicator: string }
  | {
      readonly decided_by: 'policy';
      readonly challenge_indicator: PolicyIndicator;
      readonly policy_version: string;
      /** The matching rule's name, or `otherwise`. */
      readonly rule: string;
    }
  /** No request, no policy: nothing is sent and the provider's default applies. */
  | { readonly decided_by: 'none' };

/** What a policy reads of a create. */
export interface ExemptionFacts extends PaymentFacts {
  readonly authentication_type: string;
  readonly merchant_risk: Required<MerchantRiskSignals>;
}

export function exemptionFactsOf(request: SessionRequest): ExemptionFacts {
  const risk = request.merchant_risk_info as
    { is_reorder?: boolean; is_preorder?: boolean; gift_card_count?: string } | undefined;
  const account = request.account_info as { suspicious_account_activity?: boolean } | undefined;
  return {
    ...paymentFactsOf(request),
    authentication_type: request.authentication_type ?? 'regular',
    merchant_risk: {
      is_reorder: risk?.is_reorder === true,
      is_preorder: risk?.is_preorder === true,
      gift_card: risk?.gift_card_count !== undefined && Number(risk.gift_card_count) > 0,
      suspicious_account_activity: account?.suspicious_account_activity === true,
    },
  };
}

export function ruleMatches(when: RuleConditions, facts: ExemptionFacts): boolean {
  const risk = when.merchant_risk ?? {};
  return (
    paymentMatches(when, facts) &&
    listed(when.authentication_types, facts.authentication_type) &&
    (Object.keys(risk) as (keyof MerchantRiskSignals)[]).every(
      (signal) => risk[signal] === undefined || risk[signal] === facts.merchant_risk[signal],
    )
  );
}

/**
 * The indicator to send: the team's own in the request always wins; else the policy's first
 * matching rule, else its `otherwise`; without a policy, none (the provider's default).
 */
export function decideExemption(
  requested: string | undefined,
  policy: ExemptionPolicy | undefined,
  facts: ExemptionFacts,
): ExemptionDecision {
  if (requested !== undefined) return { decided_by: 'request', challenge_indicator: requested };
  if (!policy) return { decided_by: 'none' };
  const rule = policy.rules.find((candidate) => ruleMatches(candidate.when, facts));
  return {
    decided_by: 'policy',
    challenge_indicator: rule?.challenge_indicator ?? policy.otherwise,
    policy_version: policy.version,
    rule: rule?.name ?? 'otherwise',
  };
}

/** The indicator a decision sends to the provider; undefined: none is sent. */
export const indicatorOfDecision = (decision: ExemptionDecision): string | undefined =>
  decision.decided_by === 'none' ? undefined : decision.challenge_indicator;

/**
 * Whether the exemption the decision asked for was applied, once the result is known: undefined
 * when no exemption was asked for or no result is there yet. The provider's `exemption.applied`
 * (`none` when the issuer refused it and authenticated as usual).
 */
export function requestedExemptionApplied(
  decision: ExemptionDecision | null | undefined,
  applied: string | undefined,
  resultKnown: boolean,
): boolean | undefined {
  if (!decision || !resultKnown) return undefined;
  const indicator = indicatorOfDecision(decision);
  if (!isExemptionRequest(indicator)) return undefined;
  return applied !== undefined && applied !== 'none';
}
