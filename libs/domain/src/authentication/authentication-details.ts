/**
 * What the caller must do next, as the API shows it. Built from Checkout's `next_actions`,
 * `_links` and `acs` (docs/checkout-sessions.md#next-actions); stored with the authentication.
 */
export type NextAction =
  | {
      /** EMV 3DS Method: post `three_ds_method_data` from a hidden iframe to `method_url`. */
      type: 'three_ds_method';
      method_url: string;
      three_ds_method_data: string;
      notification_url: string;
      /**
       * Report completion U if no notification arrives in this time (10 s; Checkout:
       * docs/checkout-sessions.md#3ds-method-timeout).
       */
      timeout_seconds: number;
    }
  | { type: 'collect_channel_data'; channel: 'browser' | 'merchant_initiated' }
  | {
      /**
       * What a 3DS SDK needs to build its device data (EMV createTransaction and
       * AuthenticationRequestParameters); null where Checkout's read did not carry it.
       */
      type: 'collect_channel_data';
      channel: 'app';
      /** EMV directoryServerID: the DS's RID (Checkout `ds.ds_id`). */
      ds_id: string | null;
      /** EMV messageVersion the SDK must speak. */
      protocol_version: string;
      /** DS public key, base64url JWK, to encrypt the device data (`certificates.ds_public`). */
      ds_public_key: string | null;
      /** DS-CA root, base64url DER, to verify the ACS signed content (`certificates.ca_public`). */
      ca_public: string | null;
      /** Every DS-CA root the DS may sign with (`certificates.ca_public_all`); null if absent. */
      ca_public_all: string[] | null;
      three_ds_server_transaction_id: string;
    }
  | { type: 'challenge'; channel: 'browser'; acs_url: string; creq: string }
  | {
      /** EMV ChallengeParameters for the 3DS SDK's doChallenge. */
      type: 'challenge';
      channel: 'app';
      acs_transaction_id: string;
      acs_reference_number: string;
      acs_signed_content: string;
      three_ds_server_transaction_id: string;
      protocol_version: string;
    }
  /** 3DS1: post `PaReq`, `TermUrl`, `MD` to `acs_url` (full-page redirect). */
  | { type: 'redirect'; acs_url: string; pareq: string; term_url: string; md: string }
  /** Hosted: send the cardholder's browser to Checkout's page (a full-page GET). */
  | { type: 'redirect_cardholder'; redirect_url: string };

/** Checkout's raw authentication fields, kept beside the derived outcome (never the cryptogram). */
export interface AuthenticationResultFields {
  checkout_status: string;
  protocol_version: string;
  three_ds_server_transaction_id: string;
  scheme?: string;
  status_reason?: string;
  response_code?: string;
  response_status_reason?: string;
  eci?: string;
  xid?: string;
  ds_transaction_id?: string;
  acs_transaction_id?: string;
  authentication_date?: string;
  exemption_applied?: string;
  challenged?: boolean;
  flow_type?: string;
  challenge_indicator?: string;
  challenge_cancel_reason?: string;
  /** EMV challengeCancel, two digits. */
  challenge_cancel_code?: string;
  challenge_mandated?: boolean;
  cardholder_info?: string;
  /** Cartes Bancaires only: DS risk score, ACS cryptogram algorithm, CB exemption bitmap. */
  cb_score?: string;
  cb_avalgo?: string;
  cb_exemption?: string;
}

/** A hosted authentication's pages on the team's site, where the cardholder ends up. */
export interface HostedReturnUrls {
  success_url: string;
  failure_url: string;
  /** Where a cardholder who gave up goes; `failure_url` when absent. */
  cancel_url?: string;
}
