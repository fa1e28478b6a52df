import { assertNever } from '../authentication/authentication.machine.js';
import type { AuthenticationResult, ResultFormat } from './authentication-result.js';

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

function generic(result: AuthenticationResult): Json {
  return compact({
    authentication_id: result.providerSessionId,
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
    challenged: result.challenged,
    flow_type: result.flowType,
    authentication_date: result.authenticationDate,
    amount: result.amount,
    currency: result.currency,
  });
}

/**
 * Checkout `POST /payments` with a standalone session: `3ds.enabled` + `3ds.authentication_id`
 * (Checkout API reference, "3dsRequestStandalone";
 * docs/checkout-sessions.md#downstream-authorization). Checkout looks up the rest.
 */
function checkoutPayment(result: AuthenticationResult): Json {
  // No session (card or issuer not enrolled): there is nothing for Checkout to apply.
  if (!result.providerSessionId) return { '3ds': { enabled: false } };
  return { '3ds': { enabled: true, authentication_id: result.providerSessionId } };
}

/**
 * Stripe PaymentIntent `payment_method_options.card.three_d_secure` (Stripe API reference,
 * "3DS authentication performed outside Stripe"): `transaction_id` is the dsTransID for 3DS2 and
 * the XID for 3DS1; `ares_trans_status` the final transStatus.
 */
function stripe(result: AuthenticationResult): Json {
  const threeDs1 = result.protocolVersion?.startsWith('1.') ?? false;
  return {
    payment_method_options: {
      card: {
        three_d_secure: compact({
          version: result.protocolVersion,
          electronic_commerce_indicator: result.eci,
          cryptogram: result.cryptogram,
          transaction_id: threeDs1 ? result.xid : result.dsTransactionId,
          // The ARes transStatus: `C` when a challenge followed, else the final one.
          ares_trans_status: result.challenged && !threeDs1 ? 'C' : result.transStatus,
          exemption_indicator: result.exemption === 'low_value' ? 'low_risk' : undefined,
        }),
      },
    },
  };
}

/**
 * Adyen `/payments` `mpiData` (Adyen API reference, ThreeDSecureData): `directoryResponse` is
 * the ARes transStatus (`C` when a challenge followed), `authenticationResponse` the RReq
 * transStatus and only for challenged flows; `dsTransID`, `cavv`, `eci`, `threeDSVersion`.
 */
function adyen(result: AuthenticationResult): Json {
  const challenged = result.challenged === true;
  // 3DS1: VERes enrolment (`Y`, or the session would not exist) and the PARes status, which
  // Checkout does not expose as such; it follows from the outcome.
  const threeDs1 = result.protocolVersion?.startsWith('1.') ?? false;
  const directoryResponse = threeDs1 ? 'Y' : challenged ? 'C' : result.transStatus;
  const authenticationResponse = threeDs1
    ? PARES_STATUS_FOR_OUTCOME[result.outcome]
    : challenged
      ? result.transStatus
      : undefined;
  return {
    mpiData: compact({
      threeDSVersion: result.protocolVersion,
      directoryResponse,
      authenticationResponse,
      transStatusReason: result.transStatusReason,
      cavv: result.cryptogram,
      eci: result.eci,
      dsTransID: result.dsTransactionId,
      xid: result.protocolVersion?.startsWith('1.') ? result.xid : undefined,
    }),
  };
}

/** 3DS1 PARes status (Y/A/N/U) implied by an outcome. */
const PARES_STATUS_FOR_OUTCOME: Partial<Record<AuthenticationResult['outcome'], string>> = {
  authenticated: 'Y',
  attempted: 'A',
  not_authenticated: 'N',
  rejected: 'N',
  unavailable: 'U',
};

function compact(value: Json): Json {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined && field !== null),
  );
}
