import type { AuthenticationResult } from './authentication-result.js';
import { compact } from './compact.js';

type Json = Record<string, unknown>;

/** The table's value for a key it holds as its own (never one an object inherits). */
function valueIn<V>(table: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

const isIn = (values: readonly string[], value: string | undefined): value is string =>
  value !== undefined && values.includes(value);

const isThreeDs1 = (result: AuthenticationResult): boolean =>
  result.protocolVersion?.startsWith('1.') ?? false;

/**
 * Stripe's `exemption_indicator` ("the exemption requested via 3DS and accepted by the issuer"):
 * `low_risk` is Transaction Risk Analysis, `none` none. Stripe has no value for low value,
 * trusted listing or the others, so they are left out rather than misnamed.
 */
export const STRIPE_EXEMPTION = {
  transaction_risk_assessment: 'low_risk',
  none: 'none',
} as const;

/** ECIs Stripe's `electronic_commerce_indicator` accepts; others (Mastercard `00`) are omitted. */
export const STRIPE_ECIS = ['01', '02', '05', '06', '07'] as const;

/** Stripe's `version` accepts these; Stripe refuses any other. */
export const STRIPE_VERSIONS = ['1.0.2', '2.1.0', '2.2.0'] as const;

/**
 * Stripe's `cb_avalgo` (CB-AVALGO, the ACS's cryptogram algorithm) accepts these; with another,
 * the Cartes Bancaires block is left out, as without one.
 */
export const STRIPE_CB_AVALGOS = ['0', '1', '2', '3', '4', 'A'] as const;

/**
 * The EMV threeDSRequestorChallengeInd (EMV 3DS 2.2, values 01–06) for the provider's challenge
 * indicator names; the exemption-only names have no two-digit code both PSPs accept.
 */
export const CHALLENGE_INDICATOR_CODE = {
  no_preference: '01',
  no_challenge_requested: '02',
  challenge_requested: '03',
  challenge_requested_mandate: '04',
  transaction_risk_assessment: '05',
  data_share: '06',
} as const;

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
  const cartesBancaires =
    cb && isIn(STRIPE_CB_AVALGOS, cb.avalgo)
      ? compact({
          cb_avalgo: cb.avalgo,
          cb_score:
            cb.score !== undefined && /^\d{1,2}$/.test(cb.score) ? Number(cb.score) : undefined,
          cb_exemption: cb.exemption,
        })
      : undefined;
  const threeDSecure = compact({
    version: isIn(STRIPE_VERSIONS, result.protocolVersion) ? result.protocolVersion : undefined,
    electronic_commerce_indicator: isIn(STRIPE_ECIS, result.eci) ? result.eci : undefined,
    cryptogram: result.cryptogram,
    transaction_id: threeDs1 ? result.xid : result.dsTransactionId,
    // The ARes transStatus: `C` when a challenge followed, else the final one.
    ares_trans_status: result.challenged && !threeDs1 ? 'C' : result.transStatus,
    exemption_indicator: valueIn(STRIPE_EXEMPTION, result.exemption),
    requestor_challenge_indicator: valueIn(CHALLENGE_INDICATOR_CODE, result.challengeIndicator),
    network_options: cartesBancaires ? { cartes_bancaires: cartesBancaires } : undefined,
  });
  const card = cartesBancaires
    ? { network: 'cartes_bancaires', three_d_secure: threeDSecure }
    : { three_d_secure: threeDSecure };
  return { payment_method_options: { card } };
}

/** Adyen's `exemptionIndicator` values for the exemptions Adyen names; others are left out. */
export const ADYEN_EXEMPTION = {
  low_value: 'lowValue',
  secure_corporate_payment: 'secureCorporate',
  trusted_listing: 'trustedBeneficiary',
  transaction_risk_assessment: 'transactionRiskAnalysis',
} as const;

/** Adyen's `challengeCancel` enum stops at `07`; `08` (SDK timed out) has no place there. */
export const ADYEN_CHALLENGE_CANCEL = ['01', '02', '03', '04', '05', '06', '07'] as const;

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
  const challengeCancel = isIn(ADYEN_CHALLENGE_CANCEL, result.challengeCancelCode)
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
    exemptionIndicator: valueIn(ADYEN_EXEMPTION, result.exemption),
    threeDSRequestorChallengeInd: valueIn(CHALLENGE_INDICATOR_CODE, result.challengeIndicator),
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
