import type {
  Address,
  AppChannelData,
  BrowserChannelData,
  PaymentSource,
  ProviderChannel,
  SessionRequest,
} from '../provider/session-request.js';
import {
  applicableDataElements,
  scoreDataQuality,
  type DataElement,
  type DataQuality,
} from './data-quality.js';

const ADDRESS: Address = {
  address_line1: '14 Wells Mews',
  city: 'London',
  zip: 'W1T 4TJ',
  country: 'GB',
};

const BROWSER: BrowserChannelData = {
  channel: 'browser',
  accept_header: 'text/html,application/xhtml+xml',
  java_enabled: false,
  javascript_enabled: true,
  language: 'en-GB',
  color_depth: '24',
  screen_height: '1080',
  screen_width: '1920',
  timezone: '-60',
  user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
  ip_address: '203.0.113.7',
};

const CARD = {
  type: 'card',
  number: '4242424242424242',
  expiry_month: 12,
  expiry_year: 2030,
} as const;

const PHONE = { mobile_phone: { country_code: '44', number: '7700900123' } };
const CONTACT = { email: 'jane.doe@example.com', ...PHONE, billing_address: ADDRESS };

const CARDHOLDER = { ...CARD, name: 'Jane Doe', ...CONTACT } as const satisfies PaymentSource;

const ACCOUNT_INFO = {
  account_age: 'more_than_sixty_days',
  purchase_count: 4,
  payment_account_age: '2023-03-01T09:30:00Z',
  shipping_address_usage: '2023-03-01T09:30:00Z',
  three_ds_requestor_authentication_info: {
    three_ds_req_auth_method: 'three3ds_requestor_own_credentials',
  },
};

/** A browser request with every element. */
const COMPLETE: SessionRequest = {
  source: CARDHOLDER,
  amount: 1999,
  currency: 'EUR',
  reference: 'ORD-5023-4E89',
  channel: 'browser',
  channel_data: BROWSER,
  shipping_address: ADDRESS,
  shipping_address_matches_billing: true,
  account_info: ACCOUNT_INFO,
  merchant_risk_info: { delivery_timeframe: 'same_day', reorder_items_indicator: 'reordered' },
};

/** Channel data whose every field is blank: as good as none. */
const BLANK_BROWSER: BrowserChannelData = {
  ...BROWSER,
  accept_header: '',
  language: ' ',
  color_depth: '',
  screen_height: '',
  screen_width: '',
  timezone: '',
  user_agent: '',
  ip_address: '',
};

/** A browser request with none: a card number, what every request needs, blank browser data. */
const BARE: SessionRequest = {
  source: CARD,
  amount: 1999,
  currency: 'EUR',
  reference: 'ORD-5023-4E89',
  channel: 'browser',
  channel_data: BLANK_BROWSER,
};

/** What a bare browser request misses: heaviest first, then by name. */
const ALL_MISSING_BROWSER: DataElement[] = [
  'browser_data',
  'billing_address',
  'cardholder_name',
  'email',
  'phone',
  'prior_authentication',
  'account_activity',
  'account_age',
  'shipping_address',
  'merchant_risk_indicators',
  'address_match',
  'payment_account_age',
  'shipping_address_age',
];
const withoutEntry = (list: DataElement[], element: DataElement) =>
  list.filter((entry) => entry !== element);
/** What a bare 3RI request misses; a bare app request misses `device_data` first. */
const ALL_MISSING_BUT_BROWSER = withoutEntry(ALL_MISSING_BROWSER, 'browser_data');

/** The complete request with some fields changed (`undefined`: left out). */
const complete = (changes: Partial<SessionRequest>): SessionRequest => ({
  ...COMPLETE,
  ...changes,
});
const completeSource = (changes: object) => complete({ source: { ...CARDHOLDER, ...changes } });
const completeAccount = (changes: object) =>
  complete({ account_info: { ...ACCOUNT_INFO, ...changes } });
const onCard = (changes: object): Partial<SessionRequest> => ({ source: { ...CARD, ...changes } });

const HOSTED = { success_url: 'https://shop.example/ok', failure_url: 'https://shop.example/ko' };
const ACS_TRANSACTION_ID = 'ce30d2f6-7140-4385-b543-cddb5dacfe11';
const PRIOR_ACS_TRANSACTION: object = { acs_transaction_id: ACS_TRANSACTION_ID };
const APP_DATA = {
  channel: 'app',
  sdk_app_id: 'dbd64fcb-c19a-4728-8849-e3d50bfdde39',
  sdk_max_timeout: 5,
  sdk_ephem_pub_key: { kty: 'EC', crv: 'P-256', x: 'WWcpTjbOqiu', y: 'Hn7kX0pCbL' },
  sdk_reference_number: '3DS_LOA_SDK_PPFU_020100_00007',
  sdk_encrypted_data: 'eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiUlNBLU9BRVAtMjU2In0',
  sdk_transaction_id: 'b2385523-a66c-4907-ac3c-91848e8c0067',
  sdk_interface_type: 'both',
  sdk_ui_elements: ['single_select', 'html_other'],
} as const satisfies AppChannelData;
const MISSING_DEVICE: DataQuality = { score: 85, missing: ['device_data'] };
const APP = complete({ channel: 'app', channel_data: APP_DATA });
const THREE_RI = complete({
  channel: 'merchant_initiated',
  channel_data: { channel: 'merchant_initiated', request_type: 'recurring_transaction' },
});

describe('scoreDataQuality', () => {
  it('gives a complete browser request 100 and misses nothing', () => {
    expect(scoreDataQuality(COMPLETE)).toEqual({ score: 100, missing: [] });
  });

  it('does not mark down browser data that comes later: POST …/channel-data requires it', () => {
    expect(scoreDataQuality(complete({ channel_data: undefined }))).toEqual({
      score: 100,
      missing: [],
    });
  });

  it('gives a bare browser request 0 and misses every element, heaviest first', () => {
    expect(scoreDataQuality(BARE)).toEqual({ score: 0, missing: ALL_MISSING_BROWSER });
  });

  it('gives a browser request with only an email and a phone 20', () => {
    const request = { ...BARE, ...onCard({ email: 'jane.doe@example.com', ...PHONE }) };
    expect(scoreDataQuality(request).score).toBe(20);
  });

  it.each<[DataElement, SessionRequest, number]>([
    ['browser_data', complete({ channel_data: BLANK_BROWSER }), 85],
    ['cardholder_name', completeSource({ name: undefined }), 88],
    ['email', completeSource({ email: undefined }), 90],
    ['phone', completeSource({ mobile_phone: undefined }), 90],
    ['billing_address', completeSource({ billing_address: undefined }), 88],
    ['shipping_address', complete({ shipping_address: undefined }), 94],
    ['address_match', complete({ shipping_address_matches_billing: undefined }), 96],
    ['account_age', completeAccount({ account_age: undefined }), 94],
    ['account_activity', completeAccount({ purchase_count: undefined }), 94],
    ['payment_account_age', completeAccount({ payment_account_age: undefined }), 97],
    ['shipping_address_age', completeAccount({ shipping_address_usage: undefined }), 97],
    [
      'prior_authentication',
      completeAccount({ three_ds_requestor_authentication_info: undefined }),
      92,
    ],
    ['merchant_risk_indicators', complete({ merchant_risk_info: undefined }), 95],
  ])('misses only %s when a complete browser request leaves it out', (element, request, score) => {
    expect(scoreDataQuality(request)).toEqual({ score, missing: [element] });
  });

  it.each<[DataElement, Partial<SessionRequest>, number]>([
    ['browser_data', { channel_data: BROWSER }, 15],
    // The provider's hosted page gathers the browser's fields itself.
    ['browser_data', { hosted: HOSTED }, 15],
    ['cardholder_name', onCard({ name: 'Jane Doe' }), 12],
    ['email', onCard({ email: 'jane.doe@example.com' }), 10],
    ['phone', onCard({ home_phone: { country_code: '44', number: '2071838750' } }), 10],
    ['phone', onCard({ work_phone: { country_code: '1', number: '2025550143' } }), 10],
    ['billing_address', onCard({ billing_address: ADDRESS }), 12],
    ['shipping_address', { shipping_address: ADDRESS }, 6],
    ['address_match', { shipping_address_matches_billing: false }, 4],
    ['account_age', { account_info: { account_age: 'no_account' } }, 6],
    ['account_age', { account_info: { cardholder_account_age_indicator: 'this_transaction' } }, 6],
    ['account_age', { account_info: { account_date: '2020-01-01T00:00:00Z' } }, 6],
    ['account_activity', { account_info: { transactions_today: 0 } }, 6],
    ['account_activity', { account_info: { transactions_per_year: 999 } }, 6],
    ['account_activity', { account_info: { add_card_attempts: 1 } }, 6],
    ['payment_account_age', { account_info: { payment_account_age: '2023-03-01T09:30:00Z' } }, 3],
    ['shipping_address_age', { account_info: { shipping_address_age: 'this_transaction' } }, 3],
    ['prior_authentication', { prior_transaction_reference: ACS_TRANSACTION_ID }, 8],
    // The domain names only `initial_session_id`; the rest goes on as the team sent it.
    ['prior_authentication', { initial_transaction: PRIOR_ACS_TRANSACTION }, 8],
    ['merchant_risk_indicators', { merchant_risk_info: { is_reorder: false } }, 5],
    ['merchant_risk_indicators', { merchant_risk_info: { delivery_email: 'gift@example.com' } }, 5],
  ])('finds only %s when a bare browser request adds it (%#)', (element, added, score) => {
    expect(scoreDataQuality({ ...BARE, ...added })).toEqual({
      score,
      missing: withoutEntry(ALL_MISSING_BROWSER, element),
    });
  });

  it.each<[DataElement, SessionRequest, number]>([
    ['billing_address', completeSource({ billing_address: { ...ADDRESS, zip: undefined } }), 88],
    ['billing_address', completeSource({ billing_address: { ...ADDRESS, city: ' ' } }), 88],
    ['shipping_address', complete({ shipping_address: { ...ADDRESS, country: undefined } }), 94],
    ['phone', completeSource({ mobile_phone: { country_code: '44', number: '' } }), 90],
    ['browser_data', complete({ channel_data: { ...BROWSER, ip_address: '' } }), 85],
    ['prior_authentication', completeAccount({ three_ds_requestor_authentication_info: {} }), 92],
    [
      'prior_authentication',
      {
        ...completeAccount({ three_ds_requestor_authentication_info: undefined }),
        initial_transaction: {},
      },
      92,
    ],
    ['merchant_risk_indicators', complete({ merchant_risk_info: {} }), 95],
  ])('counts an incomplete %s as missing (%#)', (element, request, score) => {
    expect(scoreDataQuality(request)).toEqual({ score, missing: [element] });
  });

  it.each<[PaymentSource['type'], PaymentSource]>([
    ['token', { type: 'token', token: 'tok_ubfj2q76miwundwlk72vxt2i7q', ...CONTACT }],
    ['id', { type: 'id', id: 'src_nwd3m4in3hkuddfpjsaevunhdy', ...CONTACT }],
  ])('scores what a %s source sends: it carries no name', (_type, source) => {
    expect(scoreDataQuality(complete({ source }))).toEqual({
      score: 88,
      missing: ['cardholder_name'],
    });
  });
});

describe('scoreDataQuality by channel', () => {
  it.each<[string, SessionRequest, DataQuality]>([
    ['a complete app request', APP, { score: 100, missing: [] }],
    // Its SDK data comes with POST …/channel-data, which requires it.
    [
      'an app request whose SDK data comes later',
      { ...APP, channel_data: undefined },
      { score: 100, missing: [] },
    ],
    [
      'an app request with blank SDK device data',
      { ...APP, channel_data: { ...APP_DATA, sdk_encrypted_data: ' ' } },
      MISSING_DEVICE,
    ],
    [
      'a browser request with app data',
      complete({ channel_data: APP_DATA }),
      { score: 85, missing: ['browser_data'] },
    ],
    [
      'a bare app request',
      { ...BARE, channel: 'app' },
      { score: 0, missing: ['device_data', ...ALL_MISSING_BUT_BROWSER] },
    ],
    ['a complete 3RI request', THREE_RI, { score: 100, missing: [] }],
    [
      'a bare 3RI request',
      { ...BARE, channel: 'merchant_initiated' },
      { score: 0, missing: ALL_MISSING_BUT_BROWSER },
    ],
    // 10 of the 85 that apply to 3RI: 11.8.
    [
      'a 3RI request with only an email',
      { ...BARE, channel: 'merchant_initiated', ...onCard({ email: 'jane.doe@example.com' }) },
      { score: 12, missing: withoutEntry(ALL_MISSING_BUT_BROWSER, 'email') },
    ],
    // 73 of 85: 85.9.
    [
      'a 3RI request without a name',
      { ...THREE_RI, source: { ...CARDHOLDER, name: undefined } },
      { score: 86, missing: ['cardholder_name'] },
    ],
    // 82 of 85: 96.5.
    [
      'a 3RI request without the shipping address age',
      { ...THREE_RI, account_info: { ...ACCOUNT_INFO, shipping_address_usage: undefined } },
      { score: 96, missing: ['shipping_address_age'] },
    ],
  ])('scores %s', (_request, request, quality) => {
    expect(scoreDataQuality(request)).toEqual(quality);
  });

  it.each<[ProviderChannel, DataElement[]]>([
    ['browser', ALL_MISSING_BROWSER],
    ['app', ['device_data', ...ALL_MISSING_BUT_BROWSER]],
    ['merchant_initiated', ALL_MISSING_BUT_BROWSER],
  ])('scores a %s request on its own elements', (channel, elements) => {
    expect([...applicableDataElements(channel)].sort()).toEqual([...elements].sort());
  });
});

describe('scoreDataQuality determinism', () => {
  it('gives the same request the same answer and leaves it as it was', () => {
    const request = completeSource({ name: undefined, mobile_phone: undefined });
    const before = structuredClone(request);
    const first = scoreDataQuality(request);
    expect(first).toEqual({ score: 78, missing: ['cardholder_name', 'phone'] });
    expect(scoreDataQuality(request)).toEqual(first);
    expect(scoreDataQuality(structuredClone(request))).toEqual(first);
    expect(request).toEqual(before);
  });
});
