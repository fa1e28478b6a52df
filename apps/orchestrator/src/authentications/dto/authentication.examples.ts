/**
 * Answers for the OpenAPI document, from the same authentications as the create examples
 * (create-authentication.examples.ts); the e2e test checks each against its schema.
 */
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
  routing: {
    provider: 'checkout',
    decided_by: 'default',
    rule: 'default',
    policy_version: null,
    split_bucket: null,
    fallback_used: false,
    skipped: [],
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
