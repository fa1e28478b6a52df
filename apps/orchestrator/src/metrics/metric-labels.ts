import type {
  CheckoutExchangeFailure,
  CheckoutExchangeObservation,
  CheckoutOperation,
} from '@app/checkout-client';
import {
  cardSchemeOfBin,
  recheckDeadlineOf,
  type AuthenticationEventType,
  type AuthenticationState,
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

export function flowOf(from: AuthenticationState, event: AuthenticationEventType): Flow {
  if (recheckDeadlineOf(from) === 'challenge') return 'challenge';
  return event === 'result_received' || event === 'hosted_result_received'
    ? 'frictionless'
    : 'none';
}

export const operationLabel = (operation: CheckoutOperation): string =>
  operation.replaceAll(' ', '_');

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
