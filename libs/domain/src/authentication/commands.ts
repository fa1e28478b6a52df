import {
  AUTHENTICATION_TRANSITIONS,
  type AuthenticationEventType,
  type AuthenticationState,
} from './authentication.machine.js';

/**
 * What a caller or an outside input asks of an authentication, besides the events of the
 * transition table: each is allowed in some states only, and services ask this table instead of
 * naming states themselves (docs/design.md#command-preconditions).
 */
export const AUTHENTICATION_COMMANDS = [
  /** The 3DS Method's outcome, from the team's API call or the issuer page's notification. */
  'report_issuer_fingerprint',
  /** Browser or app data for the AReq. */
  'submit_channel_data',
  /** The app's report that its 3DS SDK ended the challenge; a final authentication answers as it is. */
  'report_app_challenge_result',
  /** A re-read of the provider's session for an outside input (callback, CRes, event, return). */
  'reread_session',
  /** Linking a session a provider event names to the authentication whose create never heard back. */
  'link_session',
  /** Answering a retried create from the authentication, now that its session (or its end) is known. */
  'answer_create_retry',
] as const;
export type AuthenticationCommand = (typeof AUTHENTICATION_COMMANDS)[number];

/**
 * Rows: current state. Cell: the commands allowed there; a command not listed is refused (the API
 * answers 409 ILLEGAL_TRANSITION, an outside input is recorded and left at that).
 */
export const COMMANDS_BY_STATE: {
  readonly [S in AuthenticationState]: readonly AuthenticationCommand[];
} = {
  // The create has not heard back: only a provider event naming its session can tell.
  created: ['reread_session', 'link_session'],
  creation_unknown: ['reread_session', 'link_session'],
  awaiting_issuer_fingerprint: [
    'report_issuer_fingerprint',
    'submit_channel_data',
    'reread_session',
    'answer_create_retry',
  ],
  awaiting_channel_data: ['submit_channel_data', 'reread_session', 'answer_create_retry'],
  challenge_required: ['report_app_challenge_result', 'reread_session', 'answer_create_retry'],
  // Final: the outcome is read and kept; an SDK's late report is answered with it.
  result_ready: ['report_app_challenge_result', 'answer_create_retry'],
  completed: ['report_app_challenge_result', 'answer_create_retry'],
  closed: ['report_app_challenge_result', 'answer_create_retry'],
};

export const allows = (state: AuthenticationState, command: AuthenticationCommand): boolean =>
  COMMANDS_BY_STATE[state].includes(command);

/** The states that allow `command`. */
export const statesAllowing = (command: AuthenticationCommand): AuthenticationState[] =>
  (Object.keys(COMMANDS_BY_STATE) as AuthenticationState[]).filter((state) =>
    allows(state, command),
  );

/** Whether `event` is a legal move from `state` (the transition table's cell exists). */
export const accepts = (state: AuthenticationState, event: AuthenticationEventType): boolean =>
  AUTHENTICATION_TRANSITIONS[state][event] !== undefined;
