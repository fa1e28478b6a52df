/**
 * What the authentication established, kept apart from where the flow is (`state`). A, N, U,
 * R and I never collapse into each other, and neither do abandoned, expired and error.
 */
export const OUTCOMES = [
  'authenticated', // transStatus Y
  'attempted', // A: attempts processing, proof of attempt
  'informational', // I: exemption or data-only accepted
  'not_authenticated', // N
  'rejected', // R: issuer rejected, do not authorize
  'unavailable', // U, DS/ACS error, or card/issuer not enrolled
  'abandoned', // the cardholder left or timed out the challenge
  'expired', // the Checkout session expired before a result
  'error', // we could not obtain a result
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes that authenticated the cardholder or proved an attempt: what a success rate counts. */
export const SUCCESSFUL_OUTCOMES = [
  'authenticated',
  'attempted',
] as const satisfies readonly Outcome[];

/**
 * Outcomes a payment should not rely on, each with a reason worth counting. `informational` is
 * neither a success nor a failure: the issuer only acknowledged an exemption or a data share.
 */
export const FAILED_OUTCOMES = [
  'not_authenticated',
  'rejected',
  'unavailable',
  'abandoned',
  'expired',
  'error',
] as const satisfies readonly Outcome[];
export type FailedOutcome = (typeof FAILED_OUTCOMES)[number];

export const isFailedOutcome = (outcome: Outcome | null): outcome is FailedOutcome =>
  (FAILED_OUTCOMES as readonly (Outcome | null)[]).includes(outcome);

/** How a challenge ends when the cardholder never answered it: what an abandonment rate counts. */
export const UNANSWERED_OUTCOMES = ['abandoned', 'expired'] as const satisfies readonly Outcome[];

/** What a payment team should do next with this result. */
export const GUIDANCE = [
  'proceed_with_liability_shift',
  'proceed_without_liability_shift',
  'do_not_proceed',
  'retry_authentication',
] as const;
export type Guidance = (typeof GUIDANCE)[number];

/** EMV transStatus → outcome; `C` and `D` are not results (a challenge follows). */
export const OUTCOME_FOR_TRANS_STATUS = {
  Y: 'authenticated',
  A: 'attempted',
  I: 'informational',
  N: 'not_authenticated',
  R: 'rejected',
  U: 'unavailable',
} as const satisfies Record<string, Outcome>;
export type TransStatus = keyof typeof OUTCOME_FOR_TRANS_STATUS;

/** A transStatus that is a result (any from an ACS, a DS or a CRes), not a step or a stranger. */
export const isTransStatus = (value: unknown): value is TransStatus =>
  typeof value === 'string' && Object.hasOwn(OUTCOME_FOR_TRANS_STATUS, value);
