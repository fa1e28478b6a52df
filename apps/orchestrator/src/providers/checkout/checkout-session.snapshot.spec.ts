import type { CheckoutSession } from '@app/checkout-client';
import type { ProviderSessionContext } from '@app/domain';
import { snapshotOf } from './checkout-session.snapshot.js';

const context = (channel: ProviderSessionContext['channel']): ProviderSessionContext => ({
  authenticationId: 'auth_1',
  channel,
  hosted: false,
  methodNotificationUrl: 'https://pay.example/notifications/3ds-method/auth_1',
});

const CERTIFICATES = {
  ds_public: 'eyJrdHkiOiJFQyJ9',
  ca_public: 'MIIBlzCCAT2g',
  ca_public_all: ['MIIBlzCCAT2g', 'MIIBmDCCAT6g'],
};

const session = (fields: Partial<CheckoutSession> = {}): CheckoutSession => ({
  id: 'sid_y3oqhf46pyzuxjbcn2giaqnb44',
  transaction_id: '2b8e2b2c-1f3a-4d0e-9a77-6f4d3e2c1b0a',
  scheme: 'visa',
  amount: 6540,
  currency: 'EUR',
  status: 'pending',
  protocol_version: '2.2.0',
  next_actions: ['collect_channel_data'],
  _links: {},
  ...fields,
});

describe('next action for the app channel', () => {
  it('names the DS and its certificates for a generic 3DS SDK', () => {
    const pending = session({
      ds: { ds_id: 'A000000003', reference_number: 'VISA.DS', transaction_id: 'x' },
      certificates: CERTIFICATES,
    });
    expect(snapshotOf(pending, context('app')).nextAction).toEqual({
      type: 'collect_channel_data',
      channel: 'app',
      ds_id: 'A000000003',
      protocol_version: '2.2.0',
      ds_public_key: CERTIFICATES.ds_public,
      ca_public: CERTIFICATES.ca_public,
      ca_public_all: CERTIFICATES.ca_public_all,
      three_ds_server_transaction_id: pending.transaction_id,
    });
  });

  it('shows null where the read carried no DS or certificates', () => {
    expect(snapshotOf(session(), context('app')).nextAction).toMatchObject({
      ds_id: null,
      ds_public_key: null,
      ca_public: null,
      ca_public_all: null,
    });
  });

  it('keeps a browser collect_channel_data free of SDK fields', () => {
    const pending = session({ certificates: CERTIFICATES });
    expect(snapshotOf(pending, context('browser')).nextAction).toEqual({
      type: 'collect_channel_data',
      channel: 'browser',
    });
  });

  it("hands the SDK's doChallenge its parameters", () => {
    const challenged = session({
      status: 'challenged',
      next_actions: ['challenge_cardholder'],
      acs: {
        reference_number: '3DS_LOA_ACS_PPFU_020100_00009',
        transaction_id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
        operator_id: 'ACS-1',
        challenge_mandated: true,
        signed_content: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
      },
    });
    expect(snapshotOf(challenged, context('app')).nextAction).toEqual({
      type: 'challenge',
      channel: 'app',
      acs_transaction_id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      acs_reference_number: '3DS_LOA_ACS_PPFU_020100_00009',
      acs_signed_content: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
      three_ds_server_transaction_id: challenged.transaction_id,
      protocol_version: '2.2.0',
    });
  });
});

describe('result fields', () => {
  it('reads the cancel reason, challenge mandate, cardholder info and Cartes Bancaires data', () => {
    const final = session({
      scheme: 'cartes_bancaires',
      status: 'declined',
      response_code: 'N',
      cardholder_info: 'Call your bank',
      acs: {
        reference_number: 'ACS',
        transaction_id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
        operator_id: 'ACS-1',
        challenge_mandated: true,
        challenge_cancel_reason: 'cardholder_cancel',
      },
      scheme_info: { name: 'cartes_bancaires', score: '17', avalgo: '2' },
      exemption: { requested: 'none', applied: 'none', code: 'AAQA' },
    });
    expect(snapshotOf(final, context('browser')).result).toMatchObject({
      cardholder_info: 'Call your bank',
      challenge_mandated: true,
      challenge_cancel_reason: 'cardholder_cancel',
      challenge_cancel_code: '01',
      cb_score: '17',
      cb_avalgo: '2',
      cb_exemption: 'AAQA',
    });
  });

  it('prefers the RReq challengeCancel code Checkout gives', () => {
    const acs = {
      reference_number: 'ACS',
      transaction_id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      operator_id: 'ACS-1',
      challenge_mandated: false,
      challenge_cancel_reason: 'unknown',
      challenge_cancel_reason_code: '4',
    };
    expect(snapshotOf(session({ acs }), context('browser')).result).toMatchObject({
      challenge_cancel_code: '04',
    });
  });
});
