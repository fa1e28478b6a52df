/**
 * The pure domain of 3-D Secure authentication: states, events, the transition table,
 * outcomes and guidance. Imports no framework and does no I/O.
 */
export {
  AUTHENTICATION_STATES,
  AUTHENTICATION_TRANSITIONS,
  assertNever,
  isTerminal,
  patchFor,
  transition,
  type AuthenticationEvent,
  type AuthenticationEventType,
  type AuthenticationPatch,
  type AuthenticationState,
  type Transition,
} from './authentication/authentication.machine.js';
export {
  GUIDANCE,
  GUIDANCE_FOR_OUTCOME,
  OUTCOMES,
  OUTCOME_FOR_TRANS_STATUS,
  type Guidance,
  type Outcome,
  type TransStatus,
} from './authentication/outcome.js';
export {
  AuthenticationNotFoundError,
  CallbackTokenInvalidError,
  ConcurrentUpdateError,
  InvalidRequestError,
  DomainError,
  ERROR_CODES,
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  IllegalTransitionError,
  ResultNotAuthorizableError,
  ResultNotReadyError,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
  type ErrorCode,
} from './errors.js';
export type {
  AuthenticationResultFields,
  NextAction,
} from './authentication/authentication-details.js';
export {
  RESULT_FORMATS,
  type AuthenticationResult,
  type ResultFormat,
} from './handoff/authentication-result.js';
export { formatResult } from './handoff/result-formats.js';
export { isExpired, isLuhnValid, maskedParts } from './card/card-number.js';
