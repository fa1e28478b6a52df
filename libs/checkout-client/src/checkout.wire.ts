/**
 * Checkout's Sessions API on the wire, in its own snake_case (contracts/checkout/
 * sessions.openapi.json). Only what this service sends or reads is typed; the rest passes through.
 */
export const CHECKOUT_SESSION_STATUSES = [
  'pending',
  'processing',
  'challenged',
  'challenge_abandoned',
  'expired',
  'approved',
  'attempted',
  'unavailable',
  'declined',
  'rejected',
] as const;
export type CheckoutSessionStatus = (typeof CHECKOUT_SESSION_STATUSES)[number];

/** Why a session has its status: the DS's or ACS's answer, an error of theirs, or Checkout's risk. */
export const CHECKOUT_STATUS_REASONS = [
  'ares_error',
  'ares_status',
  'veres_error',
  'veres_status',
  'pares_error',
  'pares_status',
  'rreq_error',
  'rreq_status',
  'risk_declined',
] as const;

/** Error codes refusing a create because the card takes no part in 3DS. */
export const CHECKOUT_NOT_ENROLLED_CODES = ['card_not_enrolled', 'issuer_not_enrolled'] as const;

export type CheckoutNextAction =
  | 'collect_channel_data'
  | 'issuer_fingerprint'
  | 'challenge_cardholder'
  | 'redirect_cardholder'
  | 'complete'
  | 'authenticate';

/** `completion`: our callback (non-hosted), or the pages Checkout's hosted page ends on. */
export type CheckoutCompletion =
  | { type: 'non_hosted'; callback_url?: string; challenge_notification_url?: string }
  | { type: 'hosted'; success_url: string; failure_url: string };

/** `SessionAddress`: the shipping address, and a source's billing address. */
export interface CheckoutAddress {
  address_line1?: string;
  address_line2?: string;
  address_line3?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
}

/** `SessionPhone` (ITU-T E.164). */
export interface CheckoutPhone {
  country_code: string;
  number: string;
}

/** What every source type may carry (`SessionSource`). */
export interface CheckoutCardholder {
  scheme?: string;
  billing_address?: CheckoutAddress;
  home_phone?: CheckoutPhone;
  mobile_phone?: CheckoutPhone;
  work_phone?: CheckoutPhone;
  email?: string;
}

interface CheckoutExpiringSource extends CheckoutCardholder {
  expiry_month: number;
  expiry_year: number;
  name?: string;
  stored?: boolean;
}

export type CheckoutSource =
  | (CheckoutExpiringSource & { type: 'card'; number: string })
  | (CheckoutExpiringSource & { type: 'network_token'; token: string })
  | (CheckoutCardholder & { type: 'token'; token: string })
  | (CheckoutCardholder & { type: 'id'; id: string });

export interface CheckoutBrowserData {
  channel: 'browser';
  accept_header: string;
  java_enabled: boolean;
  javascript_enabled: boolean;
  language: string;
  color_depth: string;
  screen_height: string;
  screen_width: string;
  timezone: string;
  user_agent: string;
  ip_address: string;
  three_ds_method_completion?: 'Y' | 'N' | 'U';
}

export interface CheckoutAppData {
  channel: 'app';
  sdk_app_id: string;
  sdk_max_timeout: number;
  sdk_ephem_pub_key: { kty: string; crv: string; x: string; y: string };
  sdk_reference_number: string;
  sdk_encrypted_data: string;
  sdk_transaction_id: string;
  sdk_interface_type: 'native' | 'html' | 'both';
  sdk_ui_elements: readonly string[];
}

/** 3RI: no cardholder, only why the merchant authenticates. */
export interface CheckoutMerchantInitiatedData {
  channel: 'merchant_initiated';
  request_type: string;
}

export type CheckoutChannelData =
  CheckoutBrowserData | CheckoutAppData | CheckoutMerchantInitiatedData;

export interface CheckoutCreateSessionRequest {
  source: CheckoutSource;
  amount?: number;
  currency: string;
  reference?: string;
  processing_channel_id?: string;
  authentication_type?: string;
  authentication_category?: string;
  challenge_indicator?: string;
  transaction_type?: string;
  completion: CheckoutCompletion;
  channel_data?: CheckoutChannelData;
  shipping_address?: CheckoutAddress;
  /** The other optional objects (`account_info`, `initial_transaction`, …) go as the team gave them. */
  [field: string]: unknown;
}

export interface CheckoutSession {
  id: string;
  session_secret?: string;
  transaction_id: string;
  scheme: string;
  amount: number;
  currency: string;
  reference?: string;
  completed?: boolean;
  challenged?: boolean;
  status: CheckoutSessionStatus;
  status_reason?: string;
  approved?: boolean;
  protocol_version: string;
  next_actions?: CheckoutNextAction[];
  ds?: { ds_id?: string; reference_number?: string; transaction_id?: string };
  /**
   * DS public key (base64url JWK) and DS-CA root (base64url DER); OAuth reads only.
   * `ca_public_all`: every DS-CA root (Checkout's .NET SDK, generated from the current API).
   */
  certificates?: { ds_public: string; ca_public?: string; ca_public_all?: string[] };
  acs?: {
    reference_number: string;
    transaction_id: string;
    operator_id: string;
    challenge_mandated: boolean;
    url?: string;
    signed_content?: string;
    interface?: string;
    challenge_cancel_reason?: string;
    /** RReq challengeCancel (0–99); a string in Checkout's spec. */
    challenge_cancel_reason_code?: string | number;
  };
  response_code?: string;
  response_status_reason?: string;
  pareq?: string;
  cryptogram?: string;
  eci?: string;
  xid?: string;
  cardholder_info?: string;
  card?: { instrument_id: string; fingerprint: string; metadata?: Record<string, unknown> };
  authentication_date?: string;
  /** `code`: the Cartes Bancaires exemption value. */
  exemption?: { requested?: string; applied?: string; code?: string };
  /** Scheme data; Cartes Bancaires 3DS2 carries the DS `score` and the ACS's `avalgo`. */
  scheme_info?: { name?: string; score?: string; avalgo?: string };
  flow_type?: string;
  challenge_indicator?: string;
  '3ds'?: { challenge_request?: string };
  _links: Record<string, { href: string } | undefined>;
}

export interface CheckoutErrorBody {
  request_id?: string;
  error_type?: string;
  error_codes?: string[];
}
