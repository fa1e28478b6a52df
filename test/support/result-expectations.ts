import type { CreateAuthenticationRequest } from '@app/api-client';
import type { CheckoutApi } from './simulator/checkout-api.js';

/** Untyped JSON from the wire (a Checkout session, an orchestrator body). */
export type Wire = Awaited<ReturnType<CheckoutApi['getSession']>>['body'];

/**
 * A POST /v1/authentications body for a card; override any field. Overrides are taken as given
 * (the channel data factories are untyped, and specs about refusals send what the document
 * forbids), so only the card body itself is checked against the document's type.
 */
export const aCreateBody = (
  number: string,
  overrides: Record<string, unknown> = {},
): CreateAuthenticationRequest => ({
  ...({
    source: { type: 'card', number, expiry_month: 12, expiry_year: 2030 },
    amount: 6540,
    currency: 'EUR',
    channel: 'browser',
    reference: 'ORDER-1001',
  } satisfies CreateAuthenticationRequest),
  ...(overrides as Partial<CreateAuthenticationRequest>),
});

export const defined = (value: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field != null));

/** The EMV challengeCancel code for Checkout's cancel reason (EMV 3DS 2.2 A.4). */
const CANCEL_CODE: Record<string, string> = {
  cardholder_cancel: '01',
  transaction_timed_out: '04',
  challenge_timed_out: '05',
  transaction_error: '06',
  unknown: '07',
  sdk_timed_out: '08',
};
const STRIPE_EXEMPTION: Record<string, string> = {
  transaction_risk_assessment: 'low_risk',
  none: 'none',
};
const ADYEN_EXEMPTION: Record<string, string> = {
  low_value: 'lowValue',
  secure_corporate_payment: 'secureCorporate',
  trusted_listing: 'trustedBeneficiary',
  transaction_risk_assessment: 'transactionRiskAnalysis',
};
const CHALLENGE_INDICATOR: Record<string, string> = {
  no_preference: '01',
  no_challenge_requested: '02',
  challenge_requested: '03',
  challenge_requested_mandate: '04',
  transaction_risk_assessment: '05',
  data_share: '06',
};

/**
 * Each result format, field by field, as its mapping promises from Checkout's own session
 * (3DS2; see libs/domain/src/handoff/psp-formats.ts for the sources of each mapping).
 * `authenticationId` is ours (`auth_…`): the generic format's `authentication_id`.
 */
export function expectedFormats(
  truth: Wire,
  outcome: string,
  guidance: string,
  authenticationId: string,
) {
  const challenged = truth.challenged === true;
  const rawCode = truth.acs?.challenge_cancel_reason_code;
  const cancelCode =
    rawCode !== undefined
      ? String(rawCode).padStart(2, '0')
      : truth.acs?.challenge_cancel_reason
        ? CANCEL_CODE[truth.acs.challenge_cancel_reason]
        : undefined;
  const adyenCancel = cancelCode && cancelCode !== '08' ? cancelCode : undefined;
  const cb = truth.scheme_info?.name === 'cartes_bancaires' ? truth.scheme_info : undefined;
  const cbExemption = truth.scheme === 'cartes_bancaires' || cb ? truth.exemption?.code : undefined;
  const indicator = truth.challenge_indicator
    ? CHALLENGE_INDICATOR[truth.challenge_indicator]
    : undefined;
  const exemption = truth.exemption?.applied;
  const cbStripe = cb?.avalgo
    ? defined({
        cb_avalgo: cb.avalgo,
        cb_score: cb.score === undefined ? undefined : Number(cb.score),
        cb_exemption: cbExemption,
      })
    : undefined;
  const threeDSecure = defined({
    version: truth.protocol_version,
    electronic_commerce_indicator: ['01', '02', '05', '06', '07'].includes(truth.eci)
      ? truth.eci
      : undefined,
    cryptogram: truth.cryptogram,
    transaction_id: truth.ds?.transaction_id,
    // Stripe wants the ARes transStatus: C when a challenge followed.
    ares_trans_status: challenged ? 'C' : truth.response_code,
    exemption_indicator: exemption ? STRIPE_EXEMPTION[exemption] : undefined,
    requestor_challenge_indicator: indicator,
    network_options: cbStripe ? { cartes_bancaires: cbStripe } : undefined,
  });
  return {
    generic: defined({
      authentication_id: authenticationId,
      checkout_session_id: truth.id,
      outcome,
      guidance,
      protocol_version: truth.protocol_version,
      trans_status: truth.response_code,
      trans_status_reason: truth.response_status_reason,
      eci: truth.eci,
      cryptogram: truth.cryptogram,
      xid: truth.xid,
      ds_transaction_id: truth.ds?.transaction_id,
      three_ds_server_transaction_id: truth.transaction_id,
      acs_transaction_id: truth.acs?.transaction_id,
      exemption,
      challenge_indicator: truth.challenge_indicator,
      challenged: truth.challenged,
      challenge_mandated: truth.acs?.challenge_mandated,
      challenge_cancel_reason: truth.acs?.challenge_cancel_reason,
      challenge_cancel_code: cancelCode,
      cardholder_info: truth.cardholder_info,
      cartes_bancaires:
        cb?.score || cb?.avalgo || cbExemption
          ? defined({ score: cb?.score, avalgo: cb?.avalgo, exemption: cbExemption })
          : undefined,
      flow_type: truth.flow_type,
      authentication_date: truth.authentication_date,
      amount: truth.amount,
      currency: truth.currency,
    }),
    checkout: { '3ds': { enabled: true, authentication_id: truth.id } },
    stripe: {
      payment_method_options: {
        card: cbStripe
          ? { network: 'cartes_bancaires', three_d_secure: threeDSecure }
          : { three_d_secure: threeDSecure },
      },
    },
    adyen: {
      mpiData: defined({
        threeDSVersion: truth.protocol_version,
        directoryResponse: challenged ? 'C' : truth.response_code,
        authenticationResponse:
          challenged && 'YNUA'.includes(truth.response_code ?? 'x')
            ? truth.response_code
            : undefined,
        transStatusReason: truth.response_status_reason,
        cavv: truth.cryptogram,
        eci: truth.eci,
        dsTransID: truth.ds?.transaction_id,
        challengeCancel: adyenCancel,
        riskScore: cb?.score,
      }),
      threeDS2Result: defined({
        messageVersion: truth.protocol_version,
        transStatus: truth.response_code,
        transStatusReason: truth.response_status_reason,
        authenticationValue: truth.cryptogram,
        eci: truth.eci,
        dsTransID: truth.ds?.transaction_id,
        threeDSServerTransID: truth.transaction_id,
        challengeCancel: adyenCancel,
        exemptionIndicator: exemption ? ADYEN_EXEMPTION[exemption] : undefined,
        threeDSRequestorChallengeInd: indicator,
        cavvAlgorithm: cb?.avalgo,
        riskScore: cb?.score,
      }),
    },
  };
}
