import { GUIDANCE } from '../authentication/outcome.js';
import { AUTHENTICATION_STATES, isFinal } from '../authentication/authentication.machine.js';
import {
  CLAIMABLE_GUIDANCE,
  claimRefusal,
  isAuthorizableIn,
  meaningOfHeldClaim,
  type ClaimableResult,
  type ClaimedPayment,
  type HeldClaim,
} from './claims.js';

const aResult = (overrides: Partial<ClaimableResult> = {}): ClaimableResult => ({
  state: 'completed',
  outcome: 'authenticated',
  guidance: 'proceed_with_liability_shift',
  hasProviderSession: true,
  providerCapabilities: { checkoutPaymentSession: true },
  amount: 1999,
  currency: 'EUR',
  steppedUpTo: null,
  ...overrides,
});

const aPayment = (overrides: Partial<ClaimedPayment> = {}): ClaimedPayment => ({
  paymentReference: 'PAY-1',
  psp: 'stripe',
  amount: 1999,
  currency: 'EUR',
  ...overrides,
});

describe('claim rules', () => {
  it('lets a payment claim a final result whose guidance is to proceed', () => {
    expect(claimRefusal(aResult(), aPayment())).toBeNull();
  });

  it.each(AUTHENTICATION_STATES.filter((state) => !isFinal(state)))(
    'refuses a result while the authentication is %s',
    (state) => {
      expect(claimRefusal(aResult({ state }), aPayment())).toBe('not_final');
    },
  );

  it('refuses an authentication with no outcome yet', () => {
    expect(claimRefusal(aResult({ outcome: null, guidance: null }), aPayment())).toBe('not_final');
  });

  it('refuses a stepped-up result, whatever its guidance: the payment uses the step-up', () => {
    for (const guidance of GUIDANCE) {
      expect(claimRefusal(aResult({ guidance, steppedUpTo: 'auth_2' }), aPayment())).toBe(
        'stepped_up',
      );
    }
    expect(
      claimRefusal(aResult({ state: 'challenge_required', steppedUpTo: 'auth_2' }), aPayment()),
    ).toBe('not_final');
  });

  it.each(GUIDANCE)('claims a result whose guidance is %s only to proceed', (guidance) => {
    const refusal = claimRefusal(aResult({ guidance }), aPayment());
    expect(refusal === null).toBe(guidance.startsWith('proceed_'));
    if (refusal) expect(refusal).toBe('not_claimable');
  });

  it('names every guidance claimable or not, proceeding ones only', () => {
    for (const guidance of GUIDANCE) {
      expect(CLAIMABLE_GUIDANCE[guidance]).toBe(guidance.startsWith('proceed_'));
    }
  });

  it('lets a lower or equal amount claim, never a higher one', () => {
    expect(claimRefusal(aResult(), aPayment({ amount: 1 }))).toBeNull();
    expect(claimRefusal(aResult(), aPayment({ amount: 1999 }))).toBeNull();
    expect(claimRefusal(aResult(), aPayment({ amount: 2000 }))).toBe('amount_exceeds');
  });

  it('counts a non-payment authentication (no amount) as nothing authenticated to spend', () => {
    expect(claimRefusal(aResult({ amount: null }), aPayment({ amount: 0 }))).toBeNull();
    expect(claimRefusal(aResult({ amount: null }), aPayment({ amount: 1 }))).toBe('amount_exceeds');
  });

  it('takes the authenticated currency, compared exactly (requests arrive upper-cased)', () => {
    expect(claimRefusal(aResult(), aPayment({ currency: 'EUR' }))).toBeNull();
    expect(claimRefusal(aResult(), aPayment({ currency: 'GBP' }))).toBe('currency_differs');
    expect(claimRefusal(aResult(), aPayment({ currency: 'eur' }))).toBe('currency_differs');
  });

  it('refuses a PSP format a result without a provider session cannot fill', () => {
    const noSession = aResult({ hasProviderSession: false });
    expect(claimRefusal(noSession, aPayment({ psp: 'stripe' }))).toBe('not_authorizable');
    expect(claimRefusal(noSession, aPayment({ psp: 'generic' }))).toBeNull();
    const notEnrolled = aResult({
      hasProviderSession: false,
      outcome: 'unavailable',
      guidance: 'proceed_without_liability_shift',
    });
    expect(claimRefusal(notEnrolled, aPayment({ psp: 'adyen' }))).toBeNull();
  });

  it('hands every format over when the provider has a session', () => {
    for (const format of ['generic', 'checkout', 'stripe', 'adyen'] as const) {
      const result = {
        hasProviderSession: true,
        outcome: 'attempted',
        providerCapabilities: { checkoutPaymentSession: true },
      } as const;
      expect(isAuthorizableIn(format, result)).toBe(true);
    }
  });

  it("offers Checkout's payment format only for what Checkout ran, whatever the outcome", () => {
    const byAnother = {
      hasProviderSession: true,
      providerCapabilities: { checkoutPaymentSession: false },
    } as const;
    for (const outcome of ['authenticated', 'unavailable'] as const) {
      expect(isAuthorizableIn('checkout', { ...byAnother, outcome })).toBe(false);
      for (const format of ['generic', 'stripe', 'adyen'] as const) {
        expect(isAuthorizableIn(format, { ...byAnother, outcome })).toBe(true);
      }
    }
    expect(
      claimRefusal(
        aResult({ providerCapabilities: { checkoutPaymentSession: false } }),
        aPayment({ psp: 'checkout' }),
      ),
    ).toBe('not_authorizable');
  });
});

describe('meaning of an active claim for a new request', () => {
  const held: HeldClaim = { id: 'clm_1', status: 'active', ...aPayment() };

  it('is the same payment when reference, psp, amount and currency agree', () => {
    expect(meaningOfHeldClaim(held, aPayment())).toBe('same_payment');
  });

  it.each([{ psp: 'adyen' as const }, { amount: 1000 }, { currency: 'GBP' }])(
    'is a reused reference when %o differs',
    (change) => {
      expect(meaningOfHeldClaim(held, aPayment(change))).toBe('reference_reused');
    },
  );

  it('is another payment when the reference differs, whatever else agrees', () => {
    expect(meaningOfHeldClaim(held, aPayment({ paymentReference: 'PAY-2' }))).toBe('other_payment');
  });
});
