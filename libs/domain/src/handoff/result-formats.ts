import { assertNever } from '../authentication/authentication.machine.js';
import type { AuthenticationResult, ResultFormat } from './authentication-result.js';
import { compact } from './compact.js';
import { adyen, stripe } from './psp-formats.js';

type Json = Record<string, unknown>;

/** The result shaped for one gateway. Each mapping names its source. */
export function formatResult(result: AuthenticationResult, format: ResultFormat): Json {
  switch (format) {
    case 'generic':
      return generic(result);
    case 'checkout':
      return checkoutPayment(result);
    case 'stripe':
      return stripe(result);
    case 'adyen':
      return adyen(result);
    default:
      return assertNever(format);
  }
}

/**
 * Every field we have, in our words. `authentication_id` is our id (`auth_…`), as everywhere in
 * the API; Checkout's session id is `checkout_session_id` (docs/result-formats.md#ids).
 */
function generic(result: AuthenticationResult): Json {
  return compact({
    authentication_id: result.authenticationId,
    checkout_session_id: result.providerSessionId,
    outcome: result.outcome,
    guidance: result.guidance,
    protocol_version: result.protocolVersion,
    trans_status: result.transStatus,
    trans_status_reason: result.transStatusReason,
    eci: result.eci,
    cryptogram: result.cryptogram,
    xid: result.xid,
    ds_transaction_id: result.dsTransactionId,
    three_ds_server_transaction_id: result.threeDsServerTransactionId,
    acs_transaction_id: result.acsTransactionId,
    exemption: result.exemption,
    challenge_indicator: result.challengeIndicator,
    challenged: result.challenged,
    challenge_mandated: result.challengeMandated,
    challenge_cancel_reason: result.challengeCancelReason,
    challenge_cancel_code: result.challengeCancelCode,
    cardholder_info: result.cardholderInfo,
    cartes_bancaires: result.cartesBancaires ? compact({ ...result.cartesBancaires }) : undefined,
    flow_type: result.flowType,
    authentication_date: result.authenticationDate,
    amount: result.amount,
    currency: result.currency,
  });
}

/**
 * Checkout `POST /payments` with a standalone session: `3ds.enabled` + `3ds.authentication_id`
 * (Checkout API reference, "3dsRequestStandalone";
 * docs/checkout-sessions.md#downstream-authorization). Checkout looks up the rest. Here
 * `authentication_id` is Checkout's own field name and takes Checkout's `sid_…`.
 */
function checkoutPayment(result: AuthenticationResult): Json {
  // No session (card or issuer not enrolled): there is nothing for Checkout to apply.
  if (!result.providerSessionId) return { '3ds': { enabled: false } };
  return { '3ds': { enabled: true, authentication_id: result.providerSessionId } };
}
