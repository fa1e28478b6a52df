import type { AdyenOperation } from '@app/adyen-client';
import {
  UpstreamBusyError,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
  type ProviderFailure,
} from '@app/domain';
import { NOT_ENROLLED_RESULT_CODES } from './adyen-result.mapper.js';

/** Our own refusals of a call the authentication is past (docs/adyen-adapter.md#calls). */
export const MOVED_ON_CODES = {
  /** Adyen takes the browser's data with `/payments` only: it cannot come later. */
  channelDataOnlyAtCreate: 'channel_data_only_at_create',
  /** The 3DS Method was reported already, or the authentication never had one. */
  fingerprintNotPending: 'fingerprint_not_pending',
} as const;

/** Adyen's `704`: the idempotency key is in use, or was used with another body. */
const KEY_IN_USE = '704';

/** Our own error type for an authentication Adyen has no result of: no answer of Adyen's has it. */
const NOT_FOUND_TYPE = 'not_found';

/** The read whose only inputs are our merchant account and the `pspReference`. */
const RETRIEVE_RESULT: AdyenOperation = 'retrieve result';

/**
 * The class of an error an Adyen call threw, by docs/adyen-adapter.md#failures: the client throws
 * 401, 403 and 404 (our credentials, merchant account or URL) as unavailable, so the breaker
 * opens and a team is never told its request was bad; `704` may have run the keyed request; a
 * 422 to `retrieve3ds2Result` means Adyen has no such authentication, as does our own
 * `authenticationNotFound`; a lost answer to a write may have taken effect.
 */
export function adyenFailureOf(error: unknown): ProviderFailure | null {
  if (error instanceof UpstreamOutcomeUnknownError) return { class: 'outcome_unknown' };
  if (error instanceof UpstreamUnavailableError) {
    return { class: error.maybeProcessed ? 'outcome_unknown' : 'unavailable' };
  }
  if (error instanceof UpstreamBusyError) return { class: 'busy' };
  if (!(error instanceof UpstreamRejectedRequestError)) return null;
  const codes = error.errorCodes;
  if (error.errorType === NOT_FOUND_TYPE) return { class: 'not_found' };
  if (error.status === 422 && codes.includes(KEY_IN_USE)) return { class: 'outcome_unknown' };
  if (error.status === 422 && error.details.operation === RETRIEVE_RESULT) {
    return { class: 'not_found' };
  }
  const movedOn: readonly string[] = Object.values(MOVED_ON_CODES);
  return {
    class: 'rejected',
    providerCodes: codes,
    cardNotEnrolled: codes.some((code) => NOT_ENROLLED_RESULT_CODES.includes(code)),
    sessionMovedOn: codes.some((code) => movedOn.includes(code)),
  };
}

/** Adyen has no authentication by this id (ours, or a `pspReference` with no result). */
export const authenticationNotFound = (): UpstreamRejectedRequestError =>
  new UpstreamRejectedRequestError(RETRIEVE_RESULT, 404, NOT_FOUND_TYPE, [], undefined, 'Adyen');

export const movedOn = (
  operation: string,
  code: (typeof MOVED_ON_CODES)[keyof typeof MOVED_ON_CODES],
): UpstreamRejectedRequestError =>
  new UpstreamRejectedRequestError(operation, 409, 'session_moved_on', [code], undefined, 'Adyen');

/** Adyen's validation code; to `/payments/details` before the ACS answered: still pending. */
const NOT_YET_CODE = '702';

/** `/payments/details` before the ACS's RReq: Adyen's simulator answers 422 `702` (model). */
export const stillPending = (error: unknown): boolean =>
  error instanceof UpstreamRejectedRequestError &&
  error.status === 422 &&
  error.errorCodes.includes(NOT_YET_CODE);
