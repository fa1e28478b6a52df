import { aResult } from '../../../../test/support/authentication-result.js';
import { formatResult } from './result-formats.js';

describe('formatResult', () => {
  it('gives Checkout payments the session id only', () => {
    expect(formatResult(aResult(), 'checkout')).toEqual({
      '3ds': { enabled: true, authentication_id: 'sid_abcdefghijklmnopqrstuvwxyz' },
    });
    expect(formatResult(aResult({ providerSessionId: null }), 'checkout')).toEqual({
      '3ds': { enabled: false },
    });
  });

  it('gives Stripe the dsTransID for 3DS2 and the xid for 3DS1', () => {
    const threeDs2 = formatResult(aResult(), 'stripe') as {
      payment_method_options: { card: { three_d_secure: object } };
    };
    expect(threeDs2.payment_method_options.card.three_d_secure).toEqual({
      version: '2.2.0',
      electronic_commerce_indicator: '05',
      cryptogram: 'AAABAVIREQAAAAAAAAAAAAAAAAA=',
      transaction_id: 'f25084f0-5b16-4c0a-ae5d-b24808a95e4b',
      ares_trans_status: 'Y',
    });
    const threeDs1 = formatResult(
      aResult({ protocolVersion: '1.0.2', transStatus: undefined, xid: 'xid-1' }),
      'stripe',
    );
    expect(threeDs1).toMatchObject({
      payment_method_options: { card: { three_d_secure: { transaction_id: 'xid-1' } } },
    });
  });

  it('tells Stripe and Adyen that the ARes asked for a challenge', () => {
    const challenged = aResult({ challenged: true });
    expect(formatResult(challenged, 'stripe')).toMatchObject({
      payment_method_options: { card: { three_d_secure: { ares_trans_status: 'C' } } },
    });
    expect(formatResult(challenged, 'adyen')).toMatchObject({
      mpiData: { directoryResponse: 'C', authenticationResponse: 'Y' },
    });
  });

  it('omits Adyen authenticationResponse for a frictionless flow', () => {
    const { mpiData } = formatResult(aResult(), 'adyen') as { mpiData: Record<string, string> };
    expect(mpiData).toEqual({
      threeDSVersion: '2.2.0',
      directoryResponse: 'Y',
      cavv: 'AAABAVIREQAAAAAAAAAAAAAAAAA=',
      eci: '05',
      dsTransID: 'f25084f0-5b16-4c0a-ae5d-b24808a95e4b',
    });
  });

  it('never puts an absent cryptogram in any format', () => {
    const declined = aResult({
      outcome: 'not_authenticated',
      guidance: 'do_not_proceed',
      transStatus: 'N',
      eci: '07',
      cryptogram: undefined,
    });
    for (const format of ['generic', 'stripe', 'adyen'] as const) {
      expect(JSON.stringify(formatResult(declined, format))).not.toMatch(/cryptogram|cavv/);
    }
  });

  it("gives our id as authentication_id in the generic format, and Checkout's under its name", () => {
    expect(formatResult(aResult(), 'generic')).toMatchObject({
      authentication_id: 'auth_1',
      checkout_session_id: 'sid_abcdefghijklmnopqrstuvwxyz',
    });
  });

  it('names exemptions as Stripe and Adyen define them, and leaves out what they cannot name', () => {
    const stripeExemption = (exemption: string) =>
      (
        formatResult(aResult({ exemption }), 'stripe') as {
          payment_method_options: { card: { three_d_secure: Record<string, unknown> } };
        }
      ).payment_method_options.card.three_d_secure.exemption_indicator;
    const adyenExemption = (exemption: string) =>
      (formatResult(aResult({ exemption }), 'adyen') as { threeDS2Result: Record<string, unknown> })
        .threeDS2Result.exemptionIndicator;
    expect(stripeExemption('transaction_risk_assessment')).toBe('low_risk');
    expect(stripeExemption('none')).toBe('none');
    expect(stripeExemption('low_value')).toBeUndefined();
    expect(adyenExemption('low_value')).toBe('lowValue');
    expect(adyenExemption('trusted_listing')).toBe('trustedBeneficiary');
    expect(adyenExemption('sca_delegation')).toBeUndefined();
  });

  it('hands on Cartes Bancaires fields, the cancel code and cardholder info where each PSP has a place', () => {
    const cb = aResult({
      cartesBancaires: { score: '42', avalgo: '3', exemption: 'AAQA' },
      challengeCancelCode: '01',
      challengeCancelReason: 'cardholder_cancel',
      cardholderInfo: 'Call your bank',
      challengeMandated: true,
    });
    expect(formatResult(cb, 'stripe')).toMatchObject({
      payment_method_options: {
        card: {
          network: 'cartes_bancaires',
          three_d_secure: {
            network_options: {
              cartes_bancaires: { cb_avalgo: '3', cb_score: 42, cb_exemption: 'AAQA' },
            },
          },
        },
      },
    });
    expect(formatResult(cb, 'adyen')).toMatchObject({
      mpiData: { riskScore: '42', challengeCancel: '01' },
      threeDS2Result: { cavvAlgorithm: '3', riskScore: '42', challengeCancel: '01' },
    });
    expect(formatResult(cb, 'generic')).toMatchObject({
      cardholder_info: 'Call your bank',
      challenge_mandated: true,
      challenge_cancel_reason: 'cardholder_cancel',
      challenge_cancel_code: '01',
      cartes_bancaires: { score: '42', avalgo: '3', exemption: 'AAQA' },
    });
  });
});

describe('formatResult, one challenged Cartes Bancaires result in every format', () => {
  const cb = aResult({
    challenged: true,
    exemption: 'none',
    challengeIndicator: 'challenge_requested',
    challengeMandated: false,
    cartesBancaires: { score: '12', avalgo: '2', exemption: 'AAAA' },
    flowType: 'challenged',
    authenticationDate: '2026-01-31T10:15:00.000Z',
  });

  it('generic: every field, in our words', () => {
    expect(formatResult(cb, 'generic')).toEqual({
      authentication_id: 'auth_1',
      checkout_session_id: 'sid_abcdefghijklmnopqrstuvwxyz',
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      protocol_version: '2.2.0',
      trans_status: 'Y',
      eci: '05',
      cryptogram: 'AAABAVIREQAAAAAAAAAAAAAAAAA=',
      xid: '9b5d3d0e-7c59-4b7b-9a06-5a0f1c1d6a11',
      ds_transaction_id: 'f25084f0-5b16-4c0a-ae5d-b24808a95e4b',
      three_ds_server_transaction_id: '4eab4151-4472-4187-93e0-156a0e22312b',
      exemption: 'none',
      challenge_indicator: 'challenge_requested',
      challenged: true,
      challenge_mandated: false,
      cartes_bancaires: { score: '12', avalgo: '2', exemption: 'AAAA' },
      flow_type: 'challenged',
      authentication_date: '2026-01-31T10:15:00.000Z',
      amount: 6540,
      currency: 'EUR',
    });
  });

  it('stripe: the ARes C, the challenge indicator code and the CB network options', () => {
    expect(formatResult(cb, 'stripe')).toEqual({
      payment_method_options: {
        card: {
          network: 'cartes_bancaires',
          three_d_secure: {
            version: '2.2.0',
            electronic_commerce_indicator: '05',
            cryptogram: 'AAABAVIREQAAAAAAAAAAAAAAAAA=',
            transaction_id: 'f25084f0-5b16-4c0a-ae5d-b24808a95e4b',
            ares_trans_status: 'C',
            exemption_indicator: 'none',
            requestor_challenge_indicator: '03',
            network_options: {
              cartes_bancaires: { cb_avalgo: '2', cb_score: 12, cb_exemption: 'AAAA' },
            },
          },
        },
      },
    });
  });

  it('adyen: mpiData with the ARes C and the RReq Y, and threeDS2Result', () => {
    expect(formatResult(cb, 'adyen')).toEqual({
      mpiData: {
        threeDSVersion: '2.2.0',
        directoryResponse: 'C',
        authenticationResponse: 'Y',
        cavv: 'AAABAVIREQAAAAAAAAAAAAAAAAA=',
        eci: '05',
        dsTransID: 'f25084f0-5b16-4c0a-ae5d-b24808a95e4b',
        riskScore: '12',
      },
      threeDS2Result: {
        messageVersion: '2.2.0',
        transStatus: 'Y',
        authenticationValue: 'AAABAVIREQAAAAAAAAAAAAAAAAA=',
        eci: '05',
        dsTransID: 'f25084f0-5b16-4c0a-ae5d-b24808a95e4b',
        threeDSServerTransID: '4eab4151-4472-4187-93e0-156a0e22312b',
        threeDSRequestorChallengeInd: '03',
        cavvAlgorithm: '2',
        riskScore: '12',
      },
    });
  });

  it('leaves out what a PSP does not accept rather than send it', () => {
    const odd = aResult({
      protocolVersion: '2.3.1',
      eci: '00',
      exemption: 'constructor',
      challengeIndicator: 'toString',
      challengeCancelCode: '08',
      cartesBancaires: { score: '12', avalgo: '9' },
    });
    expect(formatResult(odd, 'stripe')).toEqual({
      payment_method_options: {
        card: {
          three_d_secure: {
            cryptogram: 'AAABAVIREQAAAAAAAAAAAAAAAAA=',
            transaction_id: 'f25084f0-5b16-4c0a-ae5d-b24808a95e4b',
            ares_trans_status: 'Y',
          },
        },
      },
    });
    const { threeDS2Result } = formatResult(odd, 'adyen') as { threeDS2Result: object };
    expect(threeDS2Result).not.toHaveProperty('exemptionIndicator');
    expect(threeDS2Result).not.toHaveProperty('threeDSRequestorChallengeInd');
    expect(threeDS2Result).not.toHaveProperty('challengeCancel');
  });
});
