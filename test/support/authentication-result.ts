import type { AuthenticationResult } from '@app/domain';

/**
 * A frictionless Visa Y over 3DS 2.2 with its ECI and cryptogram, as the result formats take
 * it; override any field.
 */
export const aResult = (overrides: Partial<AuthenticationResult> = {}): AuthenticationResult => ({
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
  threeDsServerTransactionId: '4eab4151-4472-4187-93e0-156a0e22312b',
  challenged: false,
  amount: 6540,
  currency: 'EUR',
  ...overrides,
});
