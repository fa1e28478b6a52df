import { DomainError, fieldErrorDetails } from './errors.js';

// What a team may name in a create: only its own processing channels and its own sessions, and
// no less data than its own minimum.

/** A `processing_channel_id` that is not one of the team's allowed channels. */
export class ProcessingChannelNotAllowedError extends DomainError {
  readonly code = 'PROCESSING_CHANNEL_NOT_ALLOWED';

  constructor() {
    super("This processing channel is not one of the team's");
  }
}

/**
 * `initial_transaction.initial_session_id` names no session of this team: another team's is
 * answered exactly like an unknown one, so the answer says nothing about other teams.
 */
export class InitialSessionNotFoundError extends DomainError {
  readonly code = 'INITIAL_SESSION_NOT_FOUND';

  constructor() {
    super(
      'No earlier authentication of this team has this initial_session_id',
      fieldErrorDetails([
        {
          param: 'initial_transaction.initial_session_id',
          message: 'is no session of this team',
        },
      ]),
    );
  }
}

/**
 * The create carries less of the data issuers decide on than the team's own minimum
 * (DATA_QUALITY_MINIMUMS): refused before anything is recorded or sent, saying what is missing.
 */
export class DataQualityTooLowError extends DomainError {
  readonly code = 'DATA_QUALITY_TOO_LOW';

  constructor(score: number, minimum: number, missing: readonly string[]) {
    super(`The request's data quality is ${score}, below this team's minimum of ${minimum}`, {
      score,
      minimum,
      missing,
    });
  }
}
