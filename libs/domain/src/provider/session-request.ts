import type { HostedReturnUrls } from '../authentication/authentication-details.js';

/** How the cardholder (or, for 3RI, the merchant alone) takes part in the authentication. */
export const PROVIDER_CHANNELS = ['browser', 'app', 'merchant_initiated'] as const;
export type ProviderChannel = (typeof PROVIDER_CHANNELS)[number];

/** EMV threeDSCompInd: the 3DS Method completed (Y), did not (N), or is unknown (U). */
export type MethodCompletion = 'Y' | 'N' | 'U';

export interface Address {
  readonly address_line1?: string;
  readonly address_line2?: string;
  readonly address_line3?: string;
  readonly city?: string;
  /** ISO 3166-2 subdivision code. */
  readonly state?: string;
  readonly zip?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
}

/** ITU-T E.164. */
export interface Phone {
  readonly country_code: string;
  readonly number: string;
}

/** What any payment source may say of its cardholder (EMV cardholder account information). */
interface CardholderDetails {
  /** The cardholder's choice on a co-badged card. */
  readonly scheme?: string;
  readonly billing_address?: Address;
  readonly home_phone?: Phone;
  readonly mobile_phone?: Phone;
  readonly work_phone?: Phone;
  readonly email?: string;
}

interface ExpiringDetails extends CardholderDetails {
  readonly expiry_month: number;
  readonly expiry_year: number;
  readonly name?: string;
  readonly stored?: boolean;
}

/** The card, network token, stored token or stored instrument to authenticate. */
export type PaymentSource =
  | (ExpiringDetails & { readonly type: 'card'; readonly number: string })
  | (ExpiringDetails & { readonly type: 'network_token'; readonly token: string })
  | (CardholderDetails & { readonly type: 'token'; readonly token: string })
  | (CardholderDetails & { readonly type: 'id'; readonly id: string });

/** The card or network token number a source carries; none for a stored source (token, id). */
export const cardNumberOf = (source: PaymentSource): string | undefined =>
  source.type === 'card'
    ? source.number
    : source.type === 'network_token'
      ? source.token
      : undefined;

/** EMV browser information, for the AReq. */
export interface BrowserChannelData {
  readonly channel: 'browser';
  readonly accept_header: string;
  readonly java_enabled: boolean;
  readonly javascript_enabled: boolean;
  readonly language: string;
  readonly color_depth: string;
  readonly screen_height: string;
  readonly screen_width: string;
  readonly timezone: string;
  readonly user_agent: string;
  readonly ip_address: string;
  /** How the 3DS Method ended, as reported (EMV threeDSCompInd). */
  readonly three_ds_method_completion?: MethodCompletion;
}

/** What a 3DS SDK gathers on the phone (EMV SDK data elements). */
export interface AppChannelData {
  readonly channel: 'app';
  readonly sdk_app_id: string;
  readonly sdk_max_timeout: number;
  readonly sdk_ephem_pub_key: {
    readonly kty: string;
    readonly crv: string;
    readonly x: string;
    readonly y: string;
  };
  readonly sdk_reference_number: string;
  readonly sdk_encrypted_data: string;
  readonly sdk_transaction_id: string;
  readonly sdk_interface_type: 'native' | 'html' | 'both';
  readonly sdk_ui_elements: readonly string[];
}

/** 3RI: no cardholder, only why the merchant authenticates (EMV threeRIInd). */
export interface MerchantInitiatedChannelData {
  readonly channel: 'merchant_initiated';
  readonly request_type: string;
}

export type ChannelData = BrowserChannelData | AppChannelData | MerchantInitiatedChannelData;

/**
 * What a provider session is opened for: the team's create, in EMV 3DS terms and the API's
 * field names. The elements the flow never reads (account, purchase, recurrence, device …) go to
 * the provider as the team sent them.
 */
export interface SessionRequest {
  readonly source: PaymentSource;
  /** Minor units; absent for a non-payment authentication. */
  readonly amount?: number;
  readonly currency: string;
  readonly reference: string;
  readonly channel: ProviderChannel;
  /** Now, or later through a channel data submission. */
  readonly channel_data?: ChannelData;
  /** The team's pages: the provider's own page runs the browser steps. */
  readonly hosted?: HostedReturnUrls;
  readonly processing_channel_id?: string;
  readonly challenge_indicator?: string;
  readonly authentication_type?: string;
  readonly authentication_category?: string;
  readonly transaction_type?: string;
  readonly prior_transaction_reference?: string;
  readonly shipping_address?: Address;
  readonly shipping_address_matches_billing?: boolean;
  /** The earlier authentication a 3RI (or a recurrence) relies on. */
  readonly initial_transaction?: { readonly initial_session_id?: string };
  readonly marketplace?: object;
  readonly account_info?: object;
  readonly merchant_risk_info?: object;
  readonly billing_descriptor?: object;
  readonly recurring?: object;
  readonly installment?: object;
  readonly optimization?: object;
  readonly device_information?: object;
}
