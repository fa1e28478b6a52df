import { amountOrCurrencyError, DomainError, fieldErrorDetails } from './errors.js';

// Refusals of the claim ledger (docs/claims.md): each names what the team needs to act on.

/** Another payment holds the result: details name its claim. */
export class ResultAlreadyClaimedError extends DomainError {
  readonly code = 'RESULT_ALREADY_CLAIMED';

  constructor(authenticationId: string, claim: { id: string; paymentReference: string }) {
    super('Another payment has claimed this result; release that claim first', {
      authentication_id: authenticationId,
      claim_id: claim.id,
      payment_reference: claim.paymentReference,
    });
  }
}

/** The result is older than its validity window: a new authentication is needed. */
export class ResultExpiredError extends DomainError {
  readonly code = 'RESULT_EXPIRED';

  constructor(authenticationId: string) {
    super('This result is past its validity for a payment; start a new authentication', {
      authentication_id: authenticationId,
    });
  }
}

/** The guidance is not to proceed (do_not_proceed, retry_authentication): no payment may use it. */
export class ResultNotClaimableError extends DomainError {
  readonly code = 'RESULT_NOT_CLAIMABLE';

  constructor(authenticationId: string, outcome: string | null, guidance: string | null) {
    super('This result is not one a payment may use', {
      authentication_id: authenticationId,
      outcome,
      guidance,
    });
  }
}

/** The authentication was stepped up after a soft decline: a payment uses its step-up's result. */
export class ResultSteppedUpError extends DomainError {
  readonly code = 'RESULT_STEPPED_UP';

  constructor(authenticationId: string, steppedUpTo: string) {
    super("This authentication was stepped up; claim its step-up's result instead", {
      authentication_id: authenticationId,
      stepped_up_to: steppedUpTo,
    });
  }
}

/**
 * The claim's payment is not what was authenticated: more than the amount, or another currency.
 * It names the field as every refusal of input does (docs/errors.md#details).
 */
export class ClaimDoesNotMatchAuthenticationError extends DomainError {
  readonly code = 'CLAIM_EXCEEDS_AUTHENTICATION';

  constructor(
    field: 'amount' | 'currency',
    authenticated: { amount: number | null; currency: string },
  ) {
    super(
      field === 'amount'
        ? 'The amount is higher than the authenticated amount'
        : 'The currency is not the authenticated currency',
      fieldErrorDetails([amountOrCurrencyError(field, authenticated, 'the authenticated')]),
    );
  }
}

/** The payment reference already holds a claim with another psp, amount or currency. */
export class PaymentReferenceReusedError extends DomainError {
  readonly code = 'PAYMENT_REFERENCE_REUSED';

  constructor(claimId: string) {
    super('This payment reference holds a claim with other content', { claim_id: claimId });
  }
}

export class ClaimNotFoundError extends DomainError {
  readonly code = 'CLAIM_NOT_FOUND';

  constructor(claimId: string) {
    super('No such claim on this authentication', { claim_id: claimId });
  }
}
