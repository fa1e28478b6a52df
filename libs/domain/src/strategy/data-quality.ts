import type { Address, ProviderChannel, SessionRequest } from '../provider/session-request.js';

/**
 * How much of the data EMV 3DS 2.2 and the card schemes ask for a frictionless (risk-based)
 * decision a create request carries: the issuer's ACS can only tell the cardholder from a
 * fraudster with what the AReq gives it. docs/data-quality.md gives each element's EMV fields,
 * its weight and why it matters.
 */
export const DATA_ELEMENTS = [
  'browser_data',
  'device_data',
  'cardholder_name',
  'email',
  'phone',
  'billing_address',
  'shipping_address',
  'address_match',
  'account_age',
  'account_activity',
  'payment_account_age',
  'shipping_address_age',
  'prior_authentication',
  'merchant_risk_indicators',
] as const;
export type DataElement = (typeof DATA_ELEMENTS)[number];

/**
 * A judgement, heaviest where a scheme mandates the element (docs/data-quality.md#weights).
 * `browser_data` and `device_data` are the same signal on two channels, so the elements of a
 * browser request, and those of an app request, weigh 100 in all.
 */
export const DATA_ELEMENT_WEIGHTS: Readonly<Record<DataElement, number>> = {
  browser_data: 15,
  device_data: 15,
  cardholder_name: 12,
  email: 10,
  phone: 10,
  billing_address: 12,
  shipping_address: 6,
  address_match: 4,
  account_age: 6,
  account_activity: 6,
  payment_account_age: 3,
  shipping_address_age: 3,
  prior_authentication: 8,
  merchant_risk_indicators: 5,
};

/**
 * A 3RI request has no cardholder present, so no browser and no SDK; an app's device is
 * described by its 3DS SDK, a browser's by the browser's fields.
 */
const NOT_APPLICABLE = {
  browser: ['device_data'],
  app: ['browser_data'],
  merchant_initiated: ['browser_data', 'device_data'],
} as const satisfies Record<ProviderChannel, readonly DataElement[]>;

export interface DataQuality {
  /** 0–100: the weight of the elements present over the weight of those that apply, rounded. */
  readonly score: number;
  /** The elements that apply and are missing or incomplete: heaviest first, then by name. */
  readonly missing: readonly DataElement[];
}

type Fields = Readonly<Record<string, unknown>>;

/** The domain keeps these objects as the team sent them: read by the API's field names. */
const fieldsOf = (value: unknown): Fields =>
  typeof value === 'object' && value !== null ? (value as Fields) : {};

const isFilled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const anyFilled = (fields: Fields, names: readonly string[]): boolean =>
  names.some((name) => isFilled(fields[name]));

/**
 * The AReq's browser fields (browserAcceptHeader, browserIP, browserUserAgent …): the type
 * requires each one, so only a blank one leaves the element incomplete.
 */
const BROWSER_FIELDS = [
  'accept_header',
  'ip_address',
  'user_agent',
  'language',
  'color_depth',
  'screen_height',
  'screen_width',
  'timezone',
] as const;

/** billAddrLine1, billAddrCity, billAddrPostCode, billAddrCountry (and the shipAddr… ones). */
const isCompleteAddress = (address: Address | undefined): boolean =>
  (['address_line1', 'city', 'zip', 'country'] as const).every((field) =>
    isFilled(address?.[field]),
  );

const IS_PRESENT: Readonly<Record<DataElement, (request: SessionRequest) => boolean>> = {
  // Hosted: the provider's own page gathers the browser fields, and no channel_data is allowed.
  // Not sent yet: the API takes it (every field required) before the issuer is asked.
  browser_data: ({ channel_data, hosted }) =>
    hosted !== undefined ||
    channel_data === undefined ||
    (channel_data.channel === 'browser' &&
      BROWSER_FIELDS.every((field) => isFilled(channel_data[field]))),
  // EMV sdkEncData: the SDK's encrypted device information (with the device IP Visa requires);
  // like a browser's, it may come after the create, and is required then.
  device_data: ({ channel_data }) =>
    channel_data === undefined ||
    (channel_data.channel === 'app' && isFilled(channel_data.sdk_encrypted_data)),
  // A stored token or instrument carries no name: only what is sent counts.
  cardholder_name: ({ source }) => 'name' in source && isFilled(source.name),
  email: ({ source }) => isFilled(source.email),
  phone: ({ source }) =>
    [source.home_phone, source.mobile_phone, source.work_phone].some(
      (phone) => isFilled(phone?.country_code) && isFilled(phone?.number),
    ),
  billing_address: ({ source }) => isCompleteAddress(source.billing_address),
  shipping_address: ({ shipping_address }) => isCompleteAddress(shipping_address),
  // EMV addrMatch: Y and N both inform the issuer.
  address_match: ({ shipping_address_matches_billing }) =>
    typeof shipping_address_matches_billing === 'boolean',
  // EMV chAccAgeInd or chAccDate; `no_account` (a guest checkout) is information too.
  account_age: ({ account_info }) =>
    anyFilled(fieldsOf(account_info), [
      'account_age',
      'cardholder_account_age_indicator',
      'account_date',
    ]),
  // EMV txnActivityDay, txnActivityYear, nbPurchaseAccount, provisionAttemptsDay: 0 counts.
  account_activity: ({ account_info }) => {
    const account = fieldsOf(account_info);
    return ['transactions_today', 'transactions_per_year', 'purchase_count', 'add_card_attempts']
      .map((field) => account[field])
      .some(isCount);
  },
  // EMV paymentAccAge.
  payment_account_age: ({ account_info }) =>
    anyFilled(fieldsOf(account_info), ['payment_account_age']),
  // EMV shipAddressUsage or shipAddressUsageInd.
  shipping_address_age: ({ account_info }) =>
    anyFilled(fieldsOf(account_info), ['shipping_address_usage', 'shipping_address_age']),
  // EMV threeDSRequestorAuthenticationInfo (threeDSReqAuthMethod: how the cardholder logged in)
  // or threeDSRequestorPriorAuthenticationInfo (threeDSReqPriorRef: an earlier 3DS result).
  prior_authentication: ({ account_info, initial_transaction, prior_transaction_reference }) =>
    isFilled(prior_transaction_reference) ||
    anyFilled(fieldsOf(initial_transaction), ['acs_transaction_id', 'initial_session_id']) ||
    anyFilled(fieldsOf(fieldsOf(account_info).three_ds_requestor_authentication_info), [
      'three_ds_req_auth_method',
    ]),
  // EMV merchantRiskIndicator: every sub-field is optional, so any one of them counts.
  merchant_risk_indicators: ({ merchant_risk_info }) =>
    Object.values(fieldsOf(merchant_risk_info)).some(
      (value) => typeof value === 'boolean' || isFilled(value),
    ),
};

/** The elements a request on this channel is scored on, in DATA_ELEMENTS order. */
export function applicableDataElements(channel: ProviderChannel): readonly DataElement[] {
  const excluded: readonly DataElement[] = NOT_APPLICABLE[channel];
  return DATA_ELEMENTS.filter((element) => !excluded.includes(element));
}

/**
 * Scores the request as sent at create. A request whose `channel_data` comes later
 * (POST …/channel-data, after the 3DS Method) is not marked down for it: that call requires
 * every browser or SDK field, so the issuer always gets them; only blank ones count as missing.
 */
export function scoreDataQuality(request: SessionRequest): DataQuality {
  const applicable = applicableDataElements(request.channel);
  const missing = applicable.filter((element) => !IS_PRESENT[element](request));
  const weightOf = (elements: readonly DataElement[]) =>
    elements.reduce((sum, element) => sum + DATA_ELEMENT_WEIGHTS[element], 0);
  const possible = weightOf(applicable);
  return {
    score: Math.round((100 * (possible - weightOf(missing))) / possible),
    missing: missing.sort(
      (a, b) => DATA_ELEMENT_WEIGHTS[b] - DATA_ELEMENT_WEIGHTS[a] || (a < b ? -1 : 1),
    ),
  };
}
