import type { AuthenticationResult } from './authentication-result.js';
import { formatResult } from './result-formats.js';

const aResult = (overrides: Partial<AuthenticationResult> = {}): AuthenticationResult => ({
  authenticationId: 'auth_1',
  providerSessionId: 'sid_abcdefghijklmnopqrstuvwxyz',
  outcome: 'authenticated',
  guidance: 'proceed_with_liability_shift',
  protocolVersion: '2.2.0',
  transStatus: 'Y',
  eci: '05',
  cryptogram: 'AAABAVIREQAAAAAAAAAAAAAAAAA=',
  xid: '9b5d3d0e-7c59-4b7b-9a06-5a0f1c1d6a11',
  dsTransactionId: 'f25084f0-5b16-4c0a-ae5d-b24808a95e4b',
  challenged: false,
  amount: 6540,
  currency: 'EUR',
  ...overrides,
});

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
});
