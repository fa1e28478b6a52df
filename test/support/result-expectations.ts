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

/**
 * Each result format, field by field, as its mapping promises from Checkout's own session
 * (3DS2; see libs/domain/src/handoff/result-formats.ts for the sources of each mapping).
 */
export function expectedFormats(truth: Wire, outcome: string, guidance: string) {
  const challenged = truth.challenged === true;
  return {
    generic: defined({
      authentication_id: truth.id,
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
      exemption: truth.exemption?.applied,
      challenged: truth.challenged,
      flow_type: truth.flow_type,
      authentication_date: truth.authentication_date,
      amount: truth.amount,
      currency: truth.currency,
    }),
    checkout: { '3ds': { enabled: true, authentication_id: truth.id } },
    stripe: {
      payment_method_options: {
        card: {
          three_d_secure: defined({
            version: truth.protocol_version,
            electronic_commerce_indicator: truth.eci,
            cryptogram: truth.cryptogram,
            transaction_id: truth.ds?.transaction_id,
            // Stripe wants the ARes transStatus: C when a challenge followed.
            ares_trans_status: challenged ? 'C' : truth.response_code,
          }),
        },
      },
    },
    adyen: {
      mpiData: defined({
        threeDSVersion: truth.protocol_version,
        directoryResponse: challenged ? 'C' : truth.response_code,
        authenticationResponse: challenged ? truth.response_code : undefined,
        transStatusReason: truth.response_status_reason,
        cavv: truth.cryptogram,
        eci: truth.eci,
        dsTransID: truth.ds?.transaction_id,
      }),
    },
  };
}
