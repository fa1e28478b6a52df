/**
 * Examples for the OpenAPI document. The create example is a frictionless Mastercard of the
 * simulator's table (docs/simulator.md#test-cards): the e2e test posts it and checks every
 * example against its schema.
 */
export const CREATE_EXAMPLE = {
  source: { type: 'card', number: '5588686116426417', expiry_month: 12, expiry_year: 2030 },
  amount: 6540,
  currency: 'EUR',
  channel: 'browser',
  reference: 'ORDER-1001',
  channel_data: {
    channel: 'browser',
    accept_header: 'text/html',
    java_enabled: false,
    javascript_enabled: true,
    language: 'en-GB',
    color_depth: '24',
    screen_height: '1080',
    screen_width: '1920',
    timezone: '-60',
    user_agent: 'Mozilla/5.0',
    ip_address: '203.0.113.10',
  },
};

/**
 * The same card with every optional field a team may send: cardholder contact and
 * billing address, account and purchase risk data, the earlier authentication, the device.
 */
export const DETAILED_CREATE_EXAMPLE = {
  source: {
    type: 'card',
    number: '5588686116426417',
    expiry_month: 12,
    expiry_year: 2030,
    name: 'Jane Doe',
    stored: true,
    scheme: 'mastercard',
    email: 'jane.doe@example.com',
    billing_address: {
      address_line1: '14 Wells Mews',
      address_line2: 'Floor 2',
      address_line3: 'Fitzrovia',
      city: 'London',
      state: 'ENG',
      zip: 'W1T 4TJ',
      country: 'GB',
    },
    home_phone: { country_code: '44', number: '2071838750' },
    mobile_phone: { country_code: '44', number: '7700900123' },
    work_phone: { country_code: '44', number: '2079460000' },
  },
  amount: 6540,
  currency: 'EUR',
  channel: 'browser',
  reference: 'ORDER-1002',
  authentication_type: 'recurring',
  authentication_category: 'payment',
  challenge_indicator: 'no_preference',
  transaction_type: 'goods_service',
  prior_transaction_reference: 'ce30d2f6-7140-4385-b543-cddb5dacfe11',
  marketplace: { sub_entity_id: 'ent_rgyzti4x74xubmu72m6r3pvksa' },
  account_info: {
    purchase_count: 4,
    account_age: 'more_than_sixty_days',
    add_card_attempts: 0,
    shipping_address_age: 'more_than_sixty_days',
    account_name_matches_shipping_name: true,
    suspicious_account_activity: false,
    transactions_today: 1,
    cardholder_account_age_indicator: 'more_than_sixty_days',
    account_change: '2024-11-02T10:00:00Z',
    account_change_indicator: 'more_than_sixty_days',
    account_date: '2021-05-17T08:30:00Z',
    account_password_change: '2024-06-01T12:00:00Z',
    account_password_change_indicator: 'more_than_sixty_days',
    transactions_per_year: 12,
    payment_account_age: '2022-01-10T09:00:00Z',
    shipping_address_usage: '2022-01-10T09:00:00Z',
    account_type: 'credit',
    account_id: 'customer-8841',
    three_ds_requestor_authentication_info: {
      three_ds_req_auth_method: 'src_assurance_data',
      three_ds_req_auth_timestamp: '2025-01-31T10:14:00Z',
      three_ds_req_auth_data: 'login-session-5f2c',
    },
  },
  merchant_risk_info: {
    delivery_email: 'jane.doe@example.com',
    delivery_timeframe: 'two_day_or_more',
    is_preorder: false,
    is_reorder: true,
    shipping_indicator: 'billing_address',
    reorder_items_indicator: 'reordered',
    pre_order_purchase_indicator: 'merchandise_available',
    pre_order_date: '2025-02-14T00:00:00Z',
    gift_card_amount: '50',
    gift_card_currency: 'EUR',
    gift_card_count: '01',
  },
  shipping_address: {
    address_line1: '14 Wells Mews',
    city: 'London',
    state: 'ENG',
    zip: 'W1T 4TJ',
    country: 'GB',
  },
  shipping_address_matches_billing: true,
  billing_descriptor: { name: 'SUPERHEROES.COM' },
  recurring: { days_between_payments: 28, expiry: '20271231' },
  initial_transaction: {
    acs_transaction_id: 'ce30d2f6-7140-4385-b543-cddb5dacfe11',
    authentication_method: 'frictionless_authentication',
    authentication_timestamp: '2025-01-01T15:00:00.000Z',
    authentication_data: 'cavv-reference-1',
    initial_session_id: 'sid_p6prbhogijnuxgv4grm3ber55u',
  },
  optimization: { framework: 'acceptance_rates' },
  device_information: {
    device_id: 'device-7f3a9c',
    device_session_id: 'dsid_ipsmclhxwq72phhr32iwfvrflm',
  },
  channel_data: CREATE_EXAMPLE.channel_data,
};

const AUTHENTICATED = {
  id: 'auth_4ldi6vdq5cb2nbk3xakyl5n2xe',
  reference: 'ORDER-1001',
  state: 'result_ready',
  outcome: 'authenticated',
  guidance: 'proceed_with_liability_shift',
  next_action: null,
  channel: 'browser',
  amount: 6540,
  currency: 'EUR',
  source_type: 'card',
  card: { bin: '558868', last4: '6417', scheme: 'mastercard' },
  checkout_session_id: 'sid_y3oqhf46pyzuxjbcn2giaqnb44',
  exemption_decision: {
    decided_by: 'policy',
    challenge_indicator: 'no_preference',
    policy_version: 'default-2026-12',
    rule: 'otherwise',
  },
  data_quality: { score: 84, missing: ['phone', 'account_activity'] },
  stepped_up_from: null,
  stepped_up_to: null,
  protocol_version: '2.2.0',
  response_code: 'Y',
  response_status_reason: null,
  status_reason: 'ares_status',
  failure_reason: null,
  created_at: '2025-01-31T10:15:00.000Z',
  updated_at: '2025-01-31T10:15:00.420Z',
};

const THREE_DS_METHOD_FIRST = {
  ...AUTHENTICATED,
  state: 'awaiting_issuer_fingerprint',
  outcome: null,
  guidance: null,
  next_action: {
    type: 'three_ds_method',
    method_url: 'https://acs.example.com/3ds-method',
    three_ds_method_data: 'eyJ0aHJlZURTU2VydmVyVHJhbnNJRCI6Ii4uLiJ9',
    notification_url:
      'https://orchestrator.example.com/notifications/3ds-method/auth_4ldi6vdq5cb2nbk3xakyl5n2xe',
    timeout_seconds: 10,
  },
  response_code: null,
  status_reason: null,
};

const BROWSER_CHALLENGE = {
  ...THREE_DS_METHOD_FIRST,
  state: 'challenge_required',
  next_action: {
    type: 'challenge',
    channel: 'browser',
    acs_url: 'https://acs.example.com/challenge',
    creq: 'eyJtZXNzYWdlVHlwZSI6IkNSZXEiLCIuLi4iOiIuLi4ifQ',
  },
  response_code: 'C',
};

const APP_TRANSACTION = {
  three_ds_server_transaction_id: '2b8e2b2c-1f3a-4d0e-9a77-6f4d3e2c1b0a',
  protocol_version: '2.2.0',
};

const APP_DEVICE_DATA_FIRST = {
  ...AUTHENTICATED,
  state: 'awaiting_channel_data',
  outcome: null,
  guidance: null,
  channel: 'app',
  next_action: {
    type: 'collect_channel_data',
    channel: 'app',
    ds_id: 'A000000004',
    ds_public_key:
      'eyJrdHkiOiJFQyIsImNydiI6IlAtMjU2IiwieCI6Ik1LQkNUTkljS1VTRGlpMTF5U3MzNTI2aURaOEFpVG83VHU2S1BBcXY3RDQiLCJ5IjoiNEV0bDZTUlcyWWlMVXJONXZmdlZIdWhwN3g4UHhsdG1XV2xiYk00SUZ5TSIsInVzZSI6ImVuYyIsImtpZCI6IjEifQ',
    ca_public: 'MIIBlzCCAT2gAwIBAgIU…',
    ca_public_all: ['MIIBlzCCAT2gAwIBAgIU…'],
    ...APP_TRANSACTION,
  },
  response_code: null,
  status_reason: null,
};

const APP_CHALLENGE = {
  ...APP_DEVICE_DATA_FIRST,
  state: 'challenge_required',
  next_action: {
    type: 'challenge',
    channel: 'app',
    acs_transaction_id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    acs_reference_number: '3DS_LOA_ACS_PPFU_020100_00009',
    acs_signed_content: 'eyJhbGciOiJFUzI1NiJ9.eyJhY3NVUkwiOiIuLi4ifQ.c2ln',
    ...APP_TRANSACTION,
  },
  response_code: 'C',
  status_reason: 'ares_status',
};

export const AUTHENTICATION_EXAMPLES = {
  result_at_once: { summary: 'Frictionless: the result at once', value: AUTHENTICATED },
  three_ds_method: { summary: 'The 3DS Method first', value: THREE_DS_METHOD_FIRST },
  challenge: { summary: 'A challenge in the browser', value: BROWSER_CHALLENGE },
  app_device_data: {
    summary: 'App: what the 3DS SDK needs for the device data (DS id, DS key)',
    value: APP_DEVICE_DATA_FIRST,
  },
  app_challenge: { summary: "App: the 3DS SDK's doChallenge parameters", value: APP_CHALLENGE },
};

/** One example per format, from the same challenged 3DS 2.2 Visa authentication. */
export const RESULT_EXAMPLES = {
  generic: {
    summary: 'format=generic',
    value: {
      authentication_id: 'auth_4ldi6vdq5cb2nbk3xakyl5n2xe',
      checkout_session_id: 'sid_y3oqhf46pyzuxjbcn2giaqnb44',
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      protocol_version: '2.2.0',
      trans_status: 'Y',
      eci: '05',
      cryptogram: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=',
      ds_transaction_id: '9f0a7c8e-9d4b-4a47-8c1e-2d5f6b7a8c9d',
      three_ds_server_transaction_id: '2b8e2b2c-1f3a-4d0e-9a77-6f4d3e2c1b0a',
      acs_transaction_id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      exemption: 'none',
      challenge_indicator: 'no_preference',
      challenged: true,
      challenge_mandated: false,
      flow_type: 'challenged',
      authentication_date: '2025-01-31T10:15:00.000Z',
      amount: 1999,
      currency: 'EUR',
    },
  },
  checkout: {
    summary: 'format=checkout',
    value: { '3ds': { enabled: true, authentication_id: 'sid_y3oqhf46pyzuxjbcn2giaqnb44' } },
  },
  stripe: {
    summary: 'format=stripe',
    value: {
      payment_method_options: {
        card: {
          three_d_secure: {
            version: '2.2.0',
            electronic_commerce_indicator: '05',
            cryptogram: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=',
            transaction_id: '9f0a7c8e-9d4b-4a47-8c1e-2d5f6b7a8c9d',
            ares_trans_status: 'C',
            exemption_indicator: 'none',
            requestor_challenge_indicator: '01',
          },
        },
      },
    },
  },
  adyen: {
    summary: 'format=adyen',
    value: {
      mpiData: {
        threeDSVersion: '2.2.0',
        directoryResponse: 'C',
        authenticationResponse: 'Y',
        cavv: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=',
        eci: '05',
        dsTransID: '9f0a7c8e-9d4b-4a47-8c1e-2d5f6b7a8c9d',
      },
      threeDS2Result: {
        messageVersion: '2.2.0',
        transStatus: 'Y',
        authenticationValue: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=',
        eci: '05',
        dsTransID: '9f0a7c8e-9d4b-4a47-8c1e-2d5f6b7a8c9d',
        threeDSServerTransID: '2b8e2b2c-1f3a-4d0e-9a77-6f4d3e2c1b0a',
        threeDSRequestorChallengeInd: '01',
      },
    },
  },
};
