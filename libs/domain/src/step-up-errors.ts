import { amountOrCurrencyError, DomainError, fieldErrorDetails } from './errors.js';

// Refusals of a step-up (docs/step-up.md): each says what the team can do instead.

/** The original was stepped up already: its step-up is the one authentication to use. */
export class AlreadySteppedUpError extends DomainError {
  readonly code = 'ALREADY_STEPPED_UP';

  constructor(authenticationId: string, steppedUpTo: string | null) {
    super('This authentication was stepped up already; use its step-up', {
      authentication_id: authenticationId,
      stepped_up_to: steppedUpTo,
    });
  }
}

/**
 * The original authenticated a stored source (a token, a stored card's id): we never saw its
 * number, so nothing proves a card resent now is the same one.
 */
export class StepUpNotPossibleError extends DomainError {
  readonly code = 'STEP_UP_NOT_POSSIBLE';

  constructor(authenticationId: string, sourceType: string) {
    super(
      'The original authentication used a stored source, whose card number this service never ' +
        'saw: start a new authentication with challenge_indicator challenge_requested_mandate',
      { authentication_id: authenticationId, source_type: sourceType },
    );
  }
}

/** The card resent is not the original's (compared by the keyed fingerprint, never the number). */
export class StepUpCardMismatchError extends DomainError {
  readonly code = 'STEP_UP_CARD_MISMATCH';

  constructor() {
    super(
      'The card is not the card of the original authentication',
      fieldErrorDetails([
        { param: 'source', message: 'must be the card or network token of the original' },
      ]),
    );
  }
}

/** The step-up asks for more than the original's amount, or another currency. */
export class StepUpExceedsOriginalError extends DomainError {
  readonly code = 'STEP_UP_EXCEEDS_ORIGINAL';

  constructor(field: 'amount' | 'currency', original: { amount: number | null; currency: string }) {
    super(
      field === 'amount'
        ? "The amount is higher than the original authentication's"
        : "The currency is not the original authentication's",
      fieldErrorDetails([amountOrCurrencyError(field, original, "the original authentication's")]),
    );
  }
}
