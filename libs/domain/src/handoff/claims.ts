import type { ProviderCapabilities } from '../routing/provider-capabilities.js';
import { isFinal, type AuthenticationState } from '../authentication/authentication.machine.js';
import type { Guidance, Outcome } from '../authentication/outcome.js';
import { RESULT_FORMATS, type ResultFormat } from './authentication-result.js';

/**
 * Claims: which payment uses an authentication's result, so one result authorizes one payment
 * at a time (Visa's rules allow no reuse of a CAVV; docs/claims.md#why). Pure rules only; the
 * validity window is judged by the database's clock where the claim is written.
 */

/** The result format a claim asks for: the PSP that will authorize the payment. */
export const CLAIM_PSPS = RESULT_FORMATS;
export type ClaimPsp = ResultFormat;

export const CLAIM_STATUSES = ['active', 'released'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Why a team gives a claim back: the authorization did not happen. */
export const TEAM_RELEASE_REASONS = ['declined', 'timed_out', 'cancelled'] as const;
export type TeamReleaseReason = (typeof TEAM_RELEASE_REASONS)[number];

/** Why a claim was given back: by the team, or by a step-up of the result (docs/step-up.md). */
export const RELEASE_REASONS = [...TEAM_RELEASE_REASONS, 'stepped_up'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

/** A result a payment may use: the guidance says to proceed (docs/claims.md#claimable). */
export const CLAIMABLE_GUIDANCE = {
  proceed_with_liability_shift: true,
  proceed_without_liability_shift: true,
  do_not_proceed: false,
  retry_authentication: false,
} as const satisfies Record<Guidance, boolean>;

/** The payment a claim is for, as the team names it. */
export interface ClaimedPayment {
  readonly paymentReference: string;
  readonly psp: ClaimPsp;
  /** Minor units. */
  readonly amount: number;
  /** ISO 4217, upper case: requests are made canonical where they are parsed. */
  readonly currency: string;
}

/** What the claim rules read of an authentication. */
export interface ClaimableResult {
  readonly state: AuthenticationState;
  readonly outcome: Outcome | null;
  readonly guidance: Guidance | null;
  readonly hasProviderSession: boolean;
  /**
   * What the provider that ran it can hand over: only Checkout's sessions (`checkoutPaymentSession`)
   * are ones the `checkout` format can hand to Checkout's payments (`sid_…`).
   */
  readonly providerCapabilities: Pick<ProviderCapabilities, 'checkoutPaymentSession'>;
  /** Minor units; null for a non-payment authentication (nothing authenticated to spend). */
  readonly amount: number | null;
  readonly currency: string;
  /** The step-up that replaced this authentication after a soft decline (docs/step-up.md). */
  readonly steppedUpTo: string | null;
}

export type ClaimRefusal =
  | 'not_final'
  | 'stepped_up'
  | 'not_claimable'
  | 'not_authorizable'
  | 'amount_exceeds'
  | 'currency_differs';

/**
 * Whether a result can be handed to a gateway in a format: without a provider session only "not
 * enrolled" (unavailable) is one, and only the generic format says so. Checkout's payments take
 * only what Checkout ran: another provider's session id means nothing to them.
 */
export function isAuthorizableIn(
  format: ResultFormat,
  result: Pick<ClaimableResult, 'hasProviderSession' | 'outcome' | 'providerCapabilities'>,
): boolean {
  if (format === 'generic') return true;
  if (format === 'checkout' && !result.providerCapabilities.checkoutPaymentSession) return false;
  return result.hasProviderSession || result.outcome === 'unavailable';
}

/** Why this payment may not claim this result, or null when it may (before the ledger is asked). */
export function claimRefusal(
  result: ClaimableResult,
  payment: ClaimedPayment,
): ClaimRefusal | null {
  if (!result.outcome || !result.guidance || !isFinal(result.state)) {
    return 'not_final';
  }
  // The issuer declined the payment this result was for: its step-up's result is the one to use.
  if (result.steppedUpTo) return 'stepped_up';
  if (!CLAIMABLE_GUIDANCE[result.guidance]) return 'not_claimable';
  if (!isAuthorizableIn(payment.psp, result)) return 'not_authorizable';
  if (payment.currency !== result.currency) return 'currency_differs';
  // EMV 3DS purchaseAmount: an authorization may be for less than was authenticated, never more.
  if (payment.amount > (result.amount ?? 0)) return 'amount_exceeds';
  return null;
}

/** A claim as the ledger holds it (the fields the rules compare). */
export interface HeldClaim extends ClaimedPayment {
  readonly id: string;
  readonly status: ClaimStatus;
}

/**
 * What an active claim means for a new request: the same payment again (answer it again), the
 * same payment reference with other content, or another payment.
 */
export type HeldClaimMeaning = 'same_payment' | 'reference_reused' | 'other_payment';

export function meaningOfHeldClaim(held: HeldClaim, payment: ClaimedPayment): HeldClaimMeaning {
  if (held.paymentReference !== payment.paymentReference) return 'other_payment';
  const same =
    held.psp === payment.psp &&
    held.amount === payment.amount &&
    held.currency === payment.currency;
  return same ? 'same_payment' : 'reference_reused';
}
