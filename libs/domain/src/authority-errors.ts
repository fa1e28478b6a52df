import { DomainError, fieldErrorDetails } from './errors.js';

// What a team may name in a create: only its own processing channels and its own sessions.

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
