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

/** What a payment team should do next with this result. */
export const GUIDANCE = [
  'proceed_with_liability_shift',
  'proceed_without_liability_shift',
  'do_not_proceed',
  'retry_authentication',
] as const;
export type Guidance = (typeof GUIDANCE)[number];

/**
 * EMV 3DS guidance (EMVCo; Checkout's 3DS SDK docs: proceed on Y, A, I; stop on N, R, U).
 * `unavailable` may still be authorized by merchant policy, without liability shift.
 */
export const GUIDANCE_FOR_OUTCOME = {
  authenticated: 'proceed_with_liability_shift',
  attempted: 'proceed_with_liability_shift',
  informational: 'proceed_without_liability_shift',
  not_authenticated: 'do_not_proceed',
  rejected: 'do_not_proceed',
  unavailable: 'proceed_without_liability_shift',
  abandoned: 'retry_authentication',
  expired: 'retry_authentication',
  error: 'retry_authentication',
} as const satisfies Record<Outcome, Guidance>;

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
