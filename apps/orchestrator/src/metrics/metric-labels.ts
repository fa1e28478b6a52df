import {
  CHECKOUT_NOT_ENROLLED_CODES,
  CHECKOUT_STATUS_REASONS,
  type CheckoutExchangeFailure,
  type CheckoutExchangeObservation,
  type CheckoutOperation,
} from '@app/checkout-client';
import type { AdyenExchangeObservation, AdyenOperation } from '@app/adyen-client';
import {
  AUTHENTICATION_STATES,
  cardSchemeOfBin,
  indicatorOfDecision,
  recheckDeadlineOf,
  type AuthenticationEventType,
  type AuthenticationResultFields,
  type AuthenticationState,
  type ExemptionDecision,
  type FailedOutcome,
} from '@app/domain';

/**
 * Label values are closed sets, so a series count can never grow with traffic: no ids, no
 * references, nothing a caller wrote.
 */

/** The schemes Checkout names in a session's `scheme` (Sessions API, `scheme` enum). */
export const SCHEMES = ['visa', 'mastercard', 'amex', 'diners', 'jcb', 'cartes_bancaires'] as const;
export type SchemeLabel = (typeof SCHEMES)[number] | 'other' | 'unknown';

/**
 * Checkout's scheme once a session named one; before that (at the start, or when no session was
 * created) the one the card's BIN range belongs to; `unknown` for token and instrument sources.
 */
export function schemeLabel(checkoutScheme: string | null, cardBin: string | null): SchemeLabel {
  if (!checkoutScheme && !cardBin) return 'unknown';
  // The BIN's range in the domain's IIN table (docs/card-data.md#schemes): a Cartes Bancaires
  // card shows as its Visa or Mastercard until Checkout names the scheme.
  const scheme = checkoutScheme || cardSchemeOfBin(cardBin!);
  return scheme && (SCHEMES as readonly string[]).includes(scheme)
    ? (scheme as SchemeLabel)
    : 'other';
}

/**
 * How an authentication reached its outcome: through a challenge (the cardholder was sent to
 * the issuer: a 3DS2 challenge or a 3DS1 redirect), frictionless (a result without one), or
 * `none` (closed before any result: not enrolled, expired, an error).
 */
export const FLOWS = ['challenge', 'frictionless', 'none'] as const;
export type Flow = (typeof FLOWS)[number];

/** The states a challenge waits in: an outcome reached from one of them is a challenge's. */
export const CHALLENGE_STATES: readonly AuthenticationState[] = AUTHENTICATION_STATES.filter(
  (state) => recheckDeadlineOf(state) === 'challenge',
);

/** The events that bring the issuer's result: one reached otherwise is frictionless. */
export const RESULT_EVENTS = [
  'result_received',
  'hosted_result_received',
] as const satisfies readonly AuthenticationEventType[];

export function flowOf(from: AuthenticationState, event: AuthenticationEventType): Flow {
  if (CHALLENGE_STATES.includes(from)) return 'challenge';
  return (RESULT_EVENTS as readonly AuthenticationEventType[]).includes(event)
    ? 'frictionless'
    : 'none';
}

/** The `challenge_indicator` sent (an exemption asked for, or a preference), or `none`. */
export const exemptionLabel = (decision: ExemptionDecision | null): string =>
  (decision && indicatorOfDecision(decision)) ?? 'none';

/** The EMV transStatus of a failed result. */
const FAILED_TRANS_STATUSES: ReadonlySet<string> = new Set(['N', 'R', 'U']);

/**
 * Why an authentication failed, from a closed set: `abandoned`, `expired` and `error` when the
 * flow ended it without an issuer's answer; else the transStatus (`N`, `R`, `U`), with its EMV
 * transStatusReason when it has one (`N_01`, `R_11`); else Checkout's not-enrolled code that
 * refused the create (`card_not_enrolled`); else Checkout's `status_reason` (`ares_error`,
 * `risk_declined` …); else `other`.
 */
export function failureReasonLabel(
  outcome: FailedOutcome,
  result: Pick<
    AuthenticationResultFields,
    'response_code' | 'response_status_reason' | 'status_reason'
  > | null,
  failureReason: string | null,
): string {
  if (outcome === 'abandoned' || outcome === 'expired' || outcome === 'error') return outcome;
  const transStatus = result?.response_code;
  if (transStatus && FAILED_TRANS_STATUSES.has(transStatus)) {
    const reason = result?.response_status_reason;
    return reason && /^\d{2}$/.test(reason) ? `${transStatus}_${reason}` : transStatus;
  }
  const notEnrolled = failureReason
    ?.split(',')
    .find((code) => (CHECKOUT_NOT_ENROLLED_CODES as readonly string[]).includes(code));
  if (notEnrolled) return notEnrolled;
  const statusReason = result?.status_reason;
  return statusReason && (CHECKOUT_STATUS_REASONS as readonly string[]).includes(statusReason)
    ? statusReason
    : 'other';
}

export const operationLabel = (operation: CheckoutOperation | AdyenOperation): string =>
  operation.replaceAll(' ', '_');

/** Seconds of one provider call: from a loopback answer to past the longest deadline. */
export const CALL_SECONDS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** `2xx`, `4xx`, `5xx`; `none` when no answer came back. */
export const statusClass = (status: number | undefined): string =>
  status === undefined ? 'none' : `${Math.floor(status / 100)}xx`;

export type CheckoutErrorType =
  CheckoutExchangeFailure | 'unauthorized' | 'not_found' | 'rejected' | 'busy' | 'server_error';

/** Why a Checkout exchange failed; undefined when it did not. */
export function checkoutErrorType(
  observation: CheckoutExchangeObservation,
): CheckoutErrorType | undefined {
  if (observation.failure) return observation.failure;
  const status = observation.status ?? 0;
  if (status === 429 || status === 503) return 'busy';
  if (status >= 500) return 'server_error';
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status >= 400) return 'rejected';
  return undefined;
}

export type AdyenErrorType =
  AdyenExchangeObservation['failure'] | 'unauthorized' | 'rejected' | 'busy' | 'server_error';

/**
 * Why an Adyen exchange failed; undefined when it did not. 401 and 403 are our credentials or
 * merchant account (docs/adyen-adapter.md#failures); only 429 is busy.
 */
export function adyenErrorType(observation: AdyenExchangeObservation): AdyenErrorType | undefined {
  if (observation.failure) return observation.failure;
  const status = observation.status ?? 0;
  if (status === 429) return 'busy';
  if (status >= 500) return 'server_error';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status >= 400) return 'rejected';
  return undefined;
}
