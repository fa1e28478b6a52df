import {
  guidanceOfRecorded,
  requestedExemptionApplied,
  type AuthenticationResult,
} from '@app/domain';
import type { AuthenticationEntity, AuthenticationEventEntity } from '@app/persistence';
import { SESSION_ID_FIELD } from './provider-fields.js';

/** The authentication as the API shows it: no PAN, no cryptogram, the provider's raw codes kept. */
export function authenticationView(authentication: AuthenticationEntity): Record<string, unknown> {
  const result = authentication.result;
  return {
    id: authentication.id,
    reference: authentication.reference,
    state: authentication.state,
    outcome: authentication.outcome,
    guidance: guidanceOfRecorded(authentication),
    next_action: authentication.nextAction,
    channel: authentication.channel,
    amount: authentication.amount,
    currency: authentication.currency,
    source_type: authentication.sourceType,
    card: authentication.cardBin
      ? {
          bin: authentication.cardBin,
          last4: authentication.cardLast4,
          scheme: authentication.scheme,
        }
      : { scheme: authentication.scheme },
    [SESSION_ID_FIELD]: authentication.providerSessionId,
    exemption_decision: exemptionDecisionView(authentication),
    routing: authentication.routingDecision,
    data_quality: authentication.dataQuality,
    stepped_up_from: authentication.steppedUpFrom,
    stepped_up_to: authentication.steppedUpTo,
    protocol_version: result?.protocol_version ?? null,
    response_code: result?.response_code ?? null,
    response_status_reason: result?.response_status_reason ?? null,
    status_reason: result?.status_reason ?? null,
    failure_reason: authentication.failureReason,
    created_at: authentication.createdAt.toISOString(),
    updated_at: authentication.updatedAt.toISOString(),
  };
}

/** The decision, and once the issuer answered, whether an exemption it asked for was applied. */
function exemptionDecisionView(authentication: AuthenticationEntity) {
  const decision = authentication.exemptionDecision;
  if (!decision) return null;
  const result = authentication.result;
  const applied = requestedExemptionApplied(
    decision,
    result?.exemption_applied,
    result?.response_code !== undefined,
  );
  return applied === undefined ? decision : { ...decision, requested_exemption_applied: applied };
}

export function eventView(event: AuthenticationEventEntity): Record<string, unknown> {
  return {
    id: Number(event.id),
    event: event.event,
    from_state: event.fromState,
    to_state: event.toState,
    source: event.source,
    detail: event.detail,
    at: event.createdAt.toISOString(),
  };
}

/** The neutral result for downstream authorization; the caller decrypts the cryptogram. */
export function resultOf(
  authentication: AuthenticationEntity,
  cryptogram: string | undefined,
): AuthenticationResult {
  const result = authentication.result;
  return {
    authenticationId: authentication.id,
    providerSessionId: authentication.providerSessionId,
    outcome: authentication.outcome!,
    guidance: guidanceOfRecorded(authentication)!,
    protocolVersion: result?.protocol_version,
    transStatus: result?.response_code,
    transStatusReason: result?.response_status_reason,
    eci: result?.eci,
    cryptogram,
    xid: result?.xid,
    dsTransactionId: result?.ds_transaction_id,
    threeDsServerTransactionId: result?.three_ds_server_transaction_id,
    acsTransactionId: result?.acs_transaction_id,
    exemption: result?.exemption_applied,
    challengeIndicator: result?.challenge_indicator,
    challenged: result?.challenged,
    challengeMandated: result?.challenge_mandated,
    challengeCancelReason: result?.challenge_cancel_reason,
    challengeCancelCode: result?.challenge_cancel_code,
    cardholderInfo: result?.cardholder_info,
    cartesBancaires:
      result?.cb_score || result?.cb_avalgo || result?.cb_exemption
        ? { score: result.cb_score, avalgo: result.cb_avalgo, exemption: result.cb_exemption }
        : undefined,
    flowType: result?.flow_type,
    authenticationDate: result?.authentication_date,
    amount: authentication.amount,
    currency: authentication.currency,
  };
}
