import { OUTCOMES, formatResult, type AuthenticationResult, type Outcome } from '@app/domain';
import { aResult } from '../support/authentication-result.js';
import { pspViolations } from '../support/psp-contract.js';

/** Exemptions each PSP names, one only Adyen names, one neither names, and none. */
const EXEMPTIONS = [
  'none',
  'transaction_risk_assessment',
  'low_value',
  'secure_corporate_payment',
  'trusted_listing',
  'sca_delegation',
];

const TRANS_STATUS: Partial<Record<Outcome, string>> = {
  authenticated: 'Y',
  attempted: 'A',
  informational: 'I',
  not_authenticated: 'N',
  rejected: 'R',
  unavailable: 'U',
};

/** Results across outcomes, schemes' ECIs, versions, exemptions, challenge and CB data. */
const RESULTS: AuthenticationResult[] = OUTCOMES.flatMap((outcome) =>
  ['05', '02', '00', '07'].flatMap((eci) =>
    ['2.1.0', '2.2.0', '2.3.1', '1.0.2'].flatMap((protocolVersion) =>
      [false, true].map((challenged) =>
        aResult({
          outcome,
          eci,
          protocolVersion,
          challenged,
          transStatus: TRANS_STATUS[outcome],
          xid: protocolVersion.startsWith('1.') ? 'MDAwMDAwMDAwMDAwMDAwMDAwMDE=' : undefined,
          exemption: EXEMPTIONS[(eci.charCodeAt(1) + protocolVersion.length) % EXEMPTIONS.length],
          challengeIndicator: challenged ? 'challenge_requested' : 'low_value',
          challengeCancelCode: challenged ? undefined : '08',
          challengeCancelReason: challenged ? undefined : 'sdk_timed_out',
          cardholderInfo: 'Call your bank',
          cartesBancaires: challenged ? { score: '12', avalgo: '2', exemption: 'AAAA' } : undefined,
        }),
      ),
    ),
  ),
);

describe('PSP formats against the PSPs’ documented schemas (contracts/psp)', () => {
  it.each(['stripe', 'adyen'] as const)(
    '%s: every field of every result is documented',
    (format) => {
      const wrong = RESULTS.flatMap((result) =>
        pspViolations(format, formatResult(result, format)),
      );
      expect([...new Set(wrong)]).toEqual([]);
    },
  );

  it('fails an invented field, and a value outside the enums', () => {
    expect(
      pspViolations('stripe', {
        payment_method_options: { card: { three_d_secure: { exemption_indicator: 'low_value' } } },
      }),
    ).not.toEqual([]);
    expect(pspViolations('adyen', { mpiData: { cardHolderInfo: 'x' } })).not.toEqual([]);
    expect(
      pspViolations('adyen', { mpiData: {}, threeDS2Result: { exemptionIndicator: 'low_value' } }),
    ).not.toEqual([]);
  });
});
