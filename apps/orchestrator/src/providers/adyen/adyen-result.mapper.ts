import type { Types } from '@adyen/api-library';
import {
  ADYEN_EXEMPTION,
  CHALLENGE_INDICATOR_CODE,
  isTransStatus,
  OUTCOME_FOR_TRANS_STATUS,
  UpstreamRejectedRequestError,
  type AuthenticationEvent,
  type AuthenticationResultFields,
  type Outcome,
} from '@app/domain';
import type { AdyenProviderState, AdyenThreeDS2Fields } from './adyen-provider-state.js';

export type AdyenResultCode = `${Types.checkout.PaymentResponse.ResultCodeEnum}`;

type Meaning =
  | 'fingerprint_required'
  | 'challenge_issued'
  /** Read by `transStatus`: an answer without one is a stranger. */
  | 'read_trans_status'
  /** No 3DS for this card (no 3DS1 fallback here: docs/adyen-authentication.md#limits). */
  | 'not_enrolled'
  | 'refused'
  | { readonly outcome: Outcome }
  /** Not an answer to an authentication-only request: refuse to guess. */
  | 'unknown';

/**
 * What each Adyen `resultCode` means for us (docs/adyen-adapter.md#2-snapshot-mapping;
 * docs/adyen-authentication.md#result-codes). Exhaustive: a code of the library's enum missing
 * here does not compile. An answer with a `transStatus` is read by it, whatever its code.
 */
export const MEANING_OF_ADYEN_RESULT_CODE = {
  IdentifyShopper: 'fingerprint_required',
  ChallengeShopper: 'challenge_issued',
  AuthenticationFinished: 'read_trans_status',
  AuthenticationNotRequired: 'not_enrolled',
  RedirectShopper: 'not_enrolled',
  // The directory server or the ACS failed: no result, as EMV's U.
  Error: { outcome: 'unavailable' },
  Refused: 'refused',
  Cancelled: 'unknown',
  Pending: 'unknown',
  Received: 'unknown',
  Authorised: 'unknown',
  PartiallyAuthorised: 'unknown',
  PresentToShopper: 'unknown',
  Success: 'unknown',
} as const satisfies Record<AdyenResultCode, Meaning>;

/**
 * EMV challengeCancel codes that mean the cardholder never answered the challenge: cancelled
 * (01), the transaction or the challenge timed out (03, 04, 05), the SDK timed out (08).
 */
export const ABANDONING_CHALLENGE_CANCEL_CODES: readonly string[] = ['01', '03', '04', '05', '08'];

/** Failures by result code: `failureOf` reads these codes. */
export const NOT_ENROLLED_RESULT_CODES: readonly string[] = [
  'AuthenticationNotRequired',
  'RedirectShopper',
];

/** The parts of a `/payments` or `/payments/details` answer the mapping reads. */
export interface AdyenAnswer {
  readonly resultCode?: string;
  readonly pspReference?: string;
  readonly refusalReason?: string;
  readonly refusalReasonCode?: string;
  readonly threeDS2Result?: AdyenThreeDS2Fields | null;
}

/** `create`: the answer to `/payments`; `later`: to the fingerprint or `/payments/details`. */
export type AnswerStage = 'create' | 'later';

/**
 * The domain event an Adyen answer amounts to; throws UpstreamRejectedRequestError for what is
 * no step of ours (not enrolled, refused at create, a code or transStatus we do not know).
 */
export function eventOfAnswer(
  answer: AdyenAnswer,
  stage: AnswerStage,
  providerSessionId: string,
): AuthenticationEvent {
  const transStatus = answer.threeDS2Result?.transStatus;
  if (transStatus !== undefined) return eventOfTransStatus(answer, transStatus, providerSessionId);
  const code = answer.resultCode ?? '';
  const meaning = Object.hasOwn(MEANING_OF_ADYEN_RESULT_CODE, code)
    ? (MEANING_OF_ADYEN_RESULT_CODE[code as AdyenResultCode] as Meaning)
    : 'unknown';
  if (typeof meaning === 'object') {
    return { type: 'result_received', outcome: meaning.outcome, providerSessionId };
  }
  switch (meaning) {
    case 'fingerprint_required':
      return { type: 'fingerprint_required', providerSessionId };
    case 'challenge_issued':
      return { type: 'challenge_issued', providerSessionId };
    case 'not_enrolled':
      throw refusal('result_code', [code]);
    case 'refused':
      if (stage === 'create') {
        throw refusal('result_code', [
          code,
          ...(answer.refusalReasonCode ? [answer.refusalReasonCode] : []),
        ]);
      }
      return { type: 'failed', reason: 'adyen_refused' };
    case 'read_trans_status':
    case 'unknown':
      throw refusal('unknown_status', [code]);
  }
}

function eventOfTransStatus(
  answer: AdyenAnswer,
  transStatus: string,
  providerSessionId: string,
): AuthenticationEvent {
  if (!isTransStatus(transStatus)) throw refusal('unknown_status', [transStatus]);
  const cancel = answer.threeDS2Result?.challengeCancel;
  if (cancel !== undefined && ABANDONING_CHALLENGE_CANCEL_CODES.includes(cancel)) {
    return { type: 'challenge_abandoned' };
  }
  return {
    type: 'result_received',
    outcome: OUTCOME_FOR_TRANS_STATUS[transStatus],
    providerSessionId,
  };
}

/** An answer that is no step of ours, refused as Checkout's mapper refuses an unknown status. */
const refusal = (errorType: string, codes: string[]) =>
  new UpstreamRejectedRequestError('read answer', 200, errorType, codes, undefined, 'Adyen');

/** Our words for Adyen's `exemptionIndicator` (psp-formats.ts maps them back). */
const EXEMPTION_WORD: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ADYEN_EXEMPTION).map(([word, adyen]) => [adyen, word]),
);
/** Our words for EMV's threeDSRequestorChallengeInd. */
const CHALLENGE_INDICATOR_WORD: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CHALLENGE_INDICATOR_CODE).map(([word, code]) => [code, word]),
);

const wordIn = (table: Readonly<Record<string, string>>, key: string | undefined) =>
  key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * The result fields of docs/adyen-adapter.md#2-snapshot-mapping: `threeDS2Result`'s, the action
 * tokens' transaction ids (our 3DS Method and CRes pages match on them), the kept scheme and
 * `resultCode`. No `xid`: Adyen's authentication is 3DS2 only.
 */
export function resultFieldsOf(
  state: AdyenProviderState,
  result: AdyenThreeDS2Fields = state.result ?? {},
): AuthenticationResultFields {
  const cartesBancaires = state.scheme === 'cartes_bancaires';
  return {
    checkout_status: state.resultCode,
    protocol_version: result.messageVersion ?? state.token.messageVersion ?? '',
    three_ds_server_transaction_id:
      state.token.threeDSServerTransID ?? result.threeDSServerTransID ?? '',
    scheme: state.scheme,
    status_reason: state.refusalReason,
    response_code: result.transStatus,
    response_status_reason: result.transStatusReason,
    eci: result.eci,
    ds_transaction_id: result.dsTransID,
    acs_transaction_id: state.token.acsTransID,
    authentication_date: result.timestamp,
    exemption_applied: wordIn(EXEMPTION_WORD, result.exemptionIndicator),
    challenged: state.challenged,
    flow_type:
      state.phase === 'finished' ? (state.challenged ? 'challenged' : 'frictionless') : undefined,
    challenge_indicator: wordIn(CHALLENGE_INDICATOR_WORD, result.threeDSRequestorChallengeInd),
    challenge_cancel_code: result.challengeCancel,
    cb_score: cartesBancaires ? result.riskScore : undefined,
    cb_avalgo: cartesBancaires ? result.cavvAlgorithm : undefined,
  };
}
