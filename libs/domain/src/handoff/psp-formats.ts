import type { AuthenticationResult } from './authentication-result.js';
import { compact } from './compact.js';

type Json = Record<string, unknown>;

const isThreeDs1 = (result: AuthenticationResult): boolean =>
  result.protocolVersion?.startsWith('1.') ?? false;

/**
 * Stripe's `exemption_indicator` ("the exemption requested via 3DS and accepted by the issuer"):
 * `low_risk` is Transaction Risk Analysis, `none` none. Stripe has no value for low value,
 * trusted listing or the others, so they are left out rather than misnamed.
 */
const STRIPE_EXEMPTION: Readonly<Record<string, 'low_risk' | 'none'>> = {
  transaction_risk_assessment: 'low_risk',
  none: 'none',
};

/** ECIs Stripe's `electronic_commerce_indicator` accepts; others (Mastercard `00`) are omitted. */
const STRIPE_ECIS = new Set(['01', '02', '05', '06', '07']);

/** Stripe's `version` accepts these; Stripe refuses any other. */
const STRIPE_VERSIONS = new Set(['1.0.2', '2.1.0', '2.2.0']);

/**
 * The EMV threeDSRequestorChallengeInd (EMV 3DS 2.2, values 01–06) for the provider's challenge
 * indicator names; the exemption-only names have no two-digit code both PSPs accept.
 */
const CHALLENGE_INDICATOR_CODE: Readonly<Record<string, string>> = {
  no_preference: '01',
  no_challenge_requested: '02',
  challenge_requested: '03',
  challenge_requested_mandate: '04',
  transaction_risk_assessment: '05',
  data_share: '06',
};

/**
 * Stripe PaymentIntent `payment_method_options.card.three_d_secure` (Stripe API reference,
 * "3DS authentication performed outside Stripe"): `transaction_id` is the dsTransID for 3DS2 and
 * the XID for 3DS1; `ares_trans_status` the ARes transStatus. Cartes Bancaires' fields go in
 * `network_options.cartes_bancaires`, which Stripe takes only with `card.network` set.
 * Schema: contracts/psp/stripe-three-d-secure.schema.json.
 */
export function stripe(result: AuthenticationResult): Json {
  const threeDs1 = isThreeDs1(result);
  const cb = result.cartesBancaires;
  const cartesBancaires = cb?.avalgo
    ? compact({
        cb_avalgo: cb.avalgo,
        cb_score:
          cb.score !== undefined && /^\d{1,2}$/.test(cb.score) ? Number(cb.score) : undefined,
        cb_exemption: cb.exemption,
      })
    : undefined;
  const threeDSecure = compact({
    version:
      result.protocolVersion && STRIPE_VERSIONS.has(result.protocolVersion)
        ? result.protocolVersion
        : undefined,
    electronic_commerce_indicator:
      result.eci && STRIPE_ECIS.has(result.eci) ? result.eci : undefined,
    cryptogram: result.cryptogram,
    transaction_id: threeDs1 ? result.xid : result.dsTransactionId,
    // The ARes transStatus: `C` when a challenge followed, else the final one.
    ares_trans_status: result.challenged && !threeDs1 ? 'C' : result.transStatus,
    exemption_indicator: result.exemption ? STRIPE_EXEMPTION[result.exemption] : undefined,
    requestor_challenge_indicator: result.challengeIndicator
      ? CHALLENGE_INDICATOR_CODE[result.challengeIndicator]
      : undefined,
    network_options: cartesBancaires ? { cartes_bancaires: cartesBancaires } : undefined,
  });
  const card = cartesBancaires
    ? { network: 'cartes_bancaires', three_d_secure: threeDSecure }
    : { three_d_secure: threeDSecure };
  return { payment_method_options: { card } };
}

/** Adyen's `exemptionIndicator` values for the exemptions Adyen names; others are left out. */
const ADYEN_EXEMPTION: Readonly<Record<string, string>> = {
  low_value: 'lowValue',
  secure_corporate_payment: 'secureCorporate',
  trusted_listing: 'trustedBeneficiary',
  transaction_risk_assessment: 'transactionRiskAnalysis',
};

/** Adyen's `challengeCancel` enum stops at `07`; `08` (SDK timed out) has no place there. */
const ADYEN_CHALLENGE_CANCEL = new Set(['01', '02', '03', '04', '05', '06', '07']);

/**
 * Adyen `/payments` `mpiData` (ThreeDSecureData) and `threeDS2Result` (ThreeDS2Result), from
 * Adyen's API reference and "Third-party authentication" page: `directoryResponse` is the ARes
 * transStatus (`C` when a challenge followed), `authenticationResponse` the RReq transStatus and
 * only for challenged flows. Cartes Bancaires needs `riskScore`, `challengeCancel`,
 * `cavvAlgorithm` and `exemptionIndicator`. Adyen has no request field for cardholderInfo.
 * Schemas: contracts/psp/adyen-mpi-data.schema.json, adyen-three-ds2-result.schema.json.
 */
export function adyen(result: AuthenticationResult): Json {
  const challenged = result.challenged === true;
  // 3DS1: VERes enrolment (`Y`, or the session would not exist) and the PARes status, which
  // Checkout does not expose as such; it follows from the outcome.
  const threeDs1 = isThreeDs1(result);
  const directoryResponse = threeDs1 ? 'Y' : challenged ? 'C' : result.transStatus;
  const authenticationResponse = threeDs1
    ? PARES_STATUS_FOR_OUTCOME[result.outcome]
    : challenged
      ? result.transStatus
      : undefined;
  const challengeCancel =
    result.challengeCancelCode && ADYEN_CHALLENGE_CANCEL.has(result.challengeCancelCode)
      ? result.challengeCancelCode
      : undefined;
  const mpiData = compact({
    threeDSVersion: result.protocolVersion,
    directoryResponse,
    // Adyen takes Y, N, U or A here; an R after a challenge is carried by threeDS2Result.
    authenticationResponse:
      authenticationResponse && 'YNUA'.includes(authenticationResponse)
        ? authenticationResponse
        : undefined,
    transStatusReason: result.transStatusReason,
    cavv: result.cryptogram,
    eci: result.eci,
    dsTransID: result.dsTransactionId,
    xid: threeDs1 ? result.xid : undefined,
    challengeCancel,
    riskScore: result.cartesBancaires?.score,
  });
  if (threeDs1) return { mpiData };
  const threeDS2Result = compact({
    messageVersion: result.protocolVersion,
    transStatus: result.transStatus,
    transStatusReason: result.transStatusReason,
    authenticationValue: result.cryptogram,
    eci: result.eci,
    dsTransID: result.dsTransactionId,
    threeDSServerTransID: result.threeDsServerTransactionId,
    challengeCancel,
    exemptionIndicator: result.exemption ? ADYEN_EXEMPTION[result.exemption] : undefined,
    threeDSRequestorChallengeInd: result.challengeIndicator
      ? CHALLENGE_INDICATOR_CODE[result.challengeIndicator]
      : undefined,
    cavvAlgorithm: result.cartesBancaires?.avalgo,
    riskScore: result.cartesBancaires?.score,
  });
  return { mpiData, threeDS2Result };
}

/** 3DS1 PARes status (Y/A/N/U) implied by an outcome. */
const PARES_STATUS_FOR_OUTCOME: Partial<Record<AuthenticationResult['outcome'], string>> = {
  authenticated: 'Y',
  attempted: 'A',
  not_authenticated: 'N',
  rejected: 'N',
  unavailable: 'U',
};
