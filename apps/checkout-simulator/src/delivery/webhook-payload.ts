import { echoedIndicator } from '../sessions/issuer-decision.js';
import type { SimulatedSession } from '../sessions/simulated-session.js';

export const WEBHOOK_TYPES = [
  'authentication_started',
  'authentication_approved',
  'authentication_attempted',
  'authentication_expired',
  'authentication_failed',
] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

/** Why an authentication failed or expired: the event's `reason` and `reason_description`. */
export interface EndReason {
  readonly reason: string;
  readonly description: string;
}

/**
 * The event a final session announces, and its reason. Checkout's documented examples give
 * `Unavailable` (failed) and `ChallengeExpired` / "ACS timed out" (expired); a delivered failed
 * event gives `Declined` for a cancelled challenge. `Rejected` and a lifetime expiry follow the
 * same pattern, unconfirmed (docs/checkout-sessions.md#webhooks).
 */
export function webhookForFinal(
  session: SimulatedSession,
): { type: WebhookType; end?: EndReason } | undefined {
  switch (session.status) {
    case 'approved':
      return { type: 'authentication_approved' };
    case 'attempted':
      return { type: 'authentication_attempted' };
    case 'declined':
      return failed('Declined');
    case 'rejected':
      return failed('Rejected');
    case 'unavailable':
      return failed('Unavailable');
    case 'challenge_abandoned':
      return session.acs?.challenge_cancel_reason === 'challenge_timed_out'
        ? {
            type: 'authentication_expired',
            end: { reason: 'ChallengeExpired', description: 'ACS timed out' },
          }
        : failed('Declined');
    case 'expired':
      return {
        type: 'authentication_expired',
        end: { reason: 'Expired', description: 'Authentication Expired' },
      };
    default:
      return undefined;
  }
}

const failed = (reason: string) => ({
  type: 'authentication_failed' as const,
  end: { reason, description: `Authentication ${reason}` },
});

/**
 * The EMV Erro message's fields, for a DS (`ares_error`) or ACS (`rreq_error`) failure; null
 * otherwise, as a delivered event sends it.
 */
function errorDetails(session: SimulatedSession): object | null {
  if (session.statusReason === 'ares_error' || session.statusReason === 'veres_error') {
    return {
      error_code: '405',
      error_description: 'System Connection Failure',
      error_detail: 'Directory server unreachable',
      error_component: 'D',
    };
  }
  if (session.statusReason === 'rreq_error' || session.statusReason === 'pares_error') {
    return {
      error_code: '404',
      error_description: 'Permanent System Failure',
      error_detail: 'ACS result not received',
      error_component: 'A',
    };
  }
  return null;
}

/**
 * The event's `data`, field for field as Checkout's examples of each type show it
 * (docs/checkout-sessions.md#webhooks): what every type carries, the result's fields from
 * `approved` on, the reason fields on `failed` and `expired`, `error_details` on `failed` only.
 * A standalone session has no payment, so no `payment_id`; `amount` is a string.
 */
export function webhookData(
  type: WebhookType,
  session: SimulatedSession,
  end: EndReason | undefined,
): Record<string, unknown> {
  const request = session.request;
  const reasons = end
    ? {
        reason: end.reason,
        reason_description: end.description,
        eci: session.eci ?? null,
        transaction_status_reason: session.statusReason ?? null,
      }
    : {};
  const challenge = {
    challenged: session.challenged,
    acs_challenged_mandated: session.acs?.challenge_mandated ?? false,
    exemption_applied: session.exemptionApplied ?? 'none',
  };
  const common = {
    session_id: session.id,
    amount: String(request.amount ?? 0),
    currency: request.currency,
    type: request.authentication_type ?? 'regular',
    ...(session.responseCode ? { response_code: session.responseCode } : {}),
    challenge_indicator: echoedIndicator(request.challenge_indicator) ?? 'no_preference',
    protocol_version: session.protocolVersion,
    scheme: session.scenario.scheme,
    ...(request.reference === undefined ? {} : { reference: request.reference }),
  };
  const transactions = {
    experience: '3ds',
    '3ds_transaction_id': session.transactionId,
    ds_transaction_id: session.ds?.transaction_id ?? '',
    acs_transaction_id: session.acs?.transaction_id ?? '',
  };
  switch (type) {
    case 'authentication_started':
      return common;
    case 'authentication_approved':
      return {
        eci: session.eci ?? null,
        xid: session.xid,
        ...challenge,
        ...common,
        ...transactions,
      };
    case 'authentication_attempted':
      return { eci: session.eci ?? null, xid: session.xid, ...common, ...transactions };
    case 'authentication_expired':
      return { ...reasons, ...challenge, ...common, ...transactions };
    case 'authentication_failed':
      return {
        ...reasons,
        ...challenge,
        ...common,
        ...transactions,
        error_details: errorDetails(session),
      };
  }
}
