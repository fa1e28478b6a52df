import type { AuthenticationEntity } from '@app/persistence';
import { authenticationView, resultOf } from './authentication.view.js';

/** A stored Visa attempt (A) over 3DS 2.2 with the attempt's ECI and a sealed cryptogram. */
const anAttempt = (overrides: Partial<AuthenticationEntity> = {}): AuthenticationEntity =>
  ({
    id: 'auth_1',
    state: 'completed',
    outcome: 'attempted',
    scheme: 'visa',
    providerSessionId: 'sid_abcdefghijklmnopqrstuvwxyz',
    result: {
      protocol_version: '2.2.0',
      three_ds_server_transaction_id: '4eab4151-4472-4187-93e0-156a0e22312b',
      response_code: 'A',
      eci: '06',
      exemption_applied: 'none',
    },
    cryptogramCiphertext: 'v1.sealed',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  }) as AuthenticationEntity;

/** The guidance the resource and the result give for one stored authentication. */
const guidanceOf = (authentication: AuthenticationEntity) => [
  authenticationView(authentication).guidance,
  resultOf(authentication, undefined).guidance,
];

describe('guidance as the API shows it (docs/guidance.md, rule 7)', () => {
  it('shifts liability for an attempt with its ECI and a cryptogram', () => {
    expect(guidanceOf(anAttempt())).toEqual([
      'proceed_with_liability_shift',
      'proceed_with_liability_shift',
    ]);
  });

  it('does not when the ECI says no shift (07) or no cryptogram was kept', () => {
    const eci07 = anAttempt({ result: { ...anAttempt().result!, eci: '07' } });
    const noCryptogram = anAttempt({ cryptogramCiphertext: null });
    for (const authentication of [eci07, noCryptogram]) {
      expect(guidanceOf(authentication)).toEqual([
        'proceed_without_liability_shift',
        'proceed_without_liability_shift',
      ]);
    }
  });
});
