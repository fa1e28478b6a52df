import { isFinal, type AuthenticationState } from '../authentication/authentication.machine.js';

/**
 * Step-up after a soft decline (docs/step-up.md): the issuer declined an authorization for
 * missing strong customer authentication, and the team authenticates the same payment again,
 * this time with a challenge. Pure rules only. That an original is stepped up once is the
 * database's to settle, when the step-up is written: a request retried under its Idempotency-Key
 * is answered its first answer there, before it could be refused as a second step-up.
 */

/** EMV 3DS threeDSRequestorChallengeInd 04: the issuer must challenge. The step-up's whole point. */
export const STEP_UP_CHALLENGE_INDICATOR = 'challenge_requested_mandate';

/** What the step-up rules read of the authentication stepped up from. */
export interface SteppableOriginal {
  readonly state: AuthenticationState;
  /** Keyed hash of the card number: null for a stored source (token, id), whose number we never saw. */
  readonly cardFingerprint: string | null;
  /** Minor units; null for a non-payment authentication. */
  readonly amount: number | null;
  readonly currency: string;
}

/** What a step-up asks for: the card resent, the amount and currency (defaulted to the original's). */
export interface StepUpAsk {
  /** Keyed hash of the resent card or network token number; null for a stored source. */
  readonly cardFingerprint: string | null;
  readonly amount: number | null;
  readonly currency: string;
}

export type StepUpRefusal =
  'not_final' | 'card_not_comparable' | 'card_differs' | 'currency_differs' | 'amount_exceeds';

/** Why this step-up may not start from this original, or null when it may. */
export function stepUpRefusal(original: SteppableOriginal, ask: StepUpAsk): StepUpRefusal | null {
  if (!isFinal(original.state)) return 'not_final';
  // A stored source's number never reached us: nothing proves the resent card is the same.
  if (original.cardFingerprint === null) return 'card_not_comparable';
  if (ask.cardFingerprint !== original.cardFingerprint) return 'card_differs';
  if (ask.currency !== original.currency) return 'currency_differs';
  // The authorization retried is the one declined: for less, never for more (EMV purchaseAmount).
  if ((ask.amount ?? 0) > (original.amount ?? 0)) return 'amount_exceeds';
  return null;
}
