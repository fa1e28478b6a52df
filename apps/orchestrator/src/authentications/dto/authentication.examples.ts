/**
 * Examples for the OpenAPI document. The create example is a frictionless Mastercard of the
 * simulator's table (README, Test cards): the e2e test posts it and checks every example against
 * its schema.
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

export const AUTHENTICATION_EXAMPLES = {
  result_at_once: { summary: 'Frictionless: the result at once', value: AUTHENTICATED },
  three_ds_method: { summary: 'The 3DS Method first', value: THREE_DS_METHOD_FIRST },
  challenge: { summary: 'A challenge in the browser', value: BROWSER_CHALLENGE },
};

/** One example per format, from the same challenged 3DS 2.2 Visa authentication. */
export const RESULT_EXAMPLES = {
  generic: {
    summary: 'format=generic',
    value: {
      authentication_id: 'sid_y3oqhf46pyzuxjbcn2giaqnb44',
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      protocol_version: '2.2.0',
      trans_status: 'Y',
      eci: '05',
      cryptogram: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=',
      ds_transaction_id: '9f0a7c8e-9d4b-4a47-8c1e-2d5f6b7a8c9d',
      three_ds_server_transaction_id: '2b8e2b2c-1f3a-4d0e-9a77-6f4d3e2c1b0a',
      acs_transaction_id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      challenged: true,
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
    },
  },
};
