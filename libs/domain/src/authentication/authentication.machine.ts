import type { Outcome } from './outcome.js';

/** Where an authentication's flow is. The same strings are the database CHECK and the API. */
export const AUTHENTICATION_STATES = [
  'created',
  'creation_unknown',
  'awaiting_issuer_fingerprint',
  'awaiting_channel_data',
  'challenge_required',
  'result_ready',
  'completed',
  'closed',
] as const;
export type AuthenticationState = (typeof AUTHENTICATION_STATES)[number];

/** Where every authentication starts: recorded, before the provider has answered the create. */
export const INITIAL_STATE = 'created' satisfies AuthenticationState;

/**
 * Facts that move an authentication. Data-dependent decisions (which outcome, which next step)
 * are made before the table by choosing the event; the table holds no logic.
 */
export type AuthenticationEvent =
  | ({ type: 'fingerprint_required' } & FromCreation)
  | ({ type: 'channel_data_required' } & FromCreation)
  | ({ type: 'challenge_issued' } & FromCreation)
  | ({ type: 'result_received'; outcome: Outcome } & FromCreation)
  /** A hosted session's result: Checkout's page ended it, no `complete` follows. */
  | ({ type: 'hosted_result_received'; outcome: Outcome } & FromCreation)
  | { type: 'creation_timed_out' }
  | { type: 'fingerprint_completed' }
  | { type: 'challenge_abandoned' }
  | { type: 'session_expired' }
  | { type: 'completion_confirmed' }
  /** The provider refused `complete` and its session shows it never will: nothing to hand over. */
  | { type: 'completion_refused' }
  | { type: 'creation_rejected'; outcome: Outcome }
  | { type: 'failed'; reason: string };
export type AuthenticationEventType = AuthenticationEvent['type'];

/** The first step after `POST /sessions` also records the provider's session id. */
interface FromCreation {
  providerSessionId?: string;
}

type TransitionTable = {
  readonly [S in AuthenticationState]: Readonly<
    Partial<Record<AuthenticationEventType, AuthenticationState>>
  >;
};

/** Moves that any open authentication can make. */
const ALWAYS = { session_expired: 'closed', failed: 'closed' } as const;

/** Rows: current state. Columns: event. Cell: next state. A missing cell is an illegal move. */
export const AUTHENTICATION_TRANSITIONS: TransitionTable = {
  created: {
    fingerprint_required: 'awaiting_issuer_fingerprint',
    channel_data_required: 'awaiting_channel_data',
    challenge_issued: 'challenge_required',
    result_received: 'result_ready',
    hosted_result_received: 'completed',
    creation_timed_out: 'creation_unknown',
    creation_rejected: 'closed',
    ...ALWAYS,
  },
  // Checkout may have created the session after all: a webhook naming it links it up.
  creation_unknown: {
    fingerprint_required: 'awaiting_issuer_fingerprint',
    channel_data_required: 'awaiting_channel_data',
    challenge_issued: 'challenge_required',
    result_received: 'result_ready',
    hosted_result_received: 'completed',
    creation_rejected: 'closed',
    ...ALWAYS,
  },
  awaiting_issuer_fingerprint: {
    fingerprint_completed: 'awaiting_channel_data',
    challenge_issued: 'challenge_required',
    result_received: 'result_ready',
    ...ALWAYS,
  },
  // A hosted authentication waits here while Checkout's page gathers the device data.
  awaiting_channel_data: {
    challenge_issued: 'challenge_required',
    result_received: 'result_ready',
    hosted_result_received: 'completed',
    ...ALWAYS,
  },
  challenge_required: {
    result_received: 'result_ready',
    challenge_abandoned: 'result_ready',
    hosted_result_received: 'completed',
    ...ALWAYS,
  },
  result_ready: {
    completion_confirmed: 'completed',
    // An abandoned or expired session cannot be completed; the outcome stays as read.
    completion_refused: 'closed',
  },
  completed: {},
  closed: {},
};

export type Transition =
  | { readonly ok: true; readonly from: AuthenticationState; readonly to: AuthenticationState }
  | {
      readonly ok: false;
      readonly from: AuthenticationState;
      readonly event: AuthenticationEventType;
    };

/** Pure and total: an illegal move is a value, never an exception. */
export function transition(from: AuthenticationState, event: AuthenticationEvent): Transition {
  const to = AUTHENTICATION_TRANSITIONS[from][event.type];
  return to === undefined ? { ok: false, from, event: event.type } : { ok: true, from, to };
}

export const isTerminal = (state: AuthenticationState): boolean =>
  Object.keys(AUTHENTICATION_TRANSITIONS[state]).length === 0;

/** States whose outcome is known and can no longer change (`result_ready` awaits only `complete`). */
export const FINAL_STATES = [
  'result_ready',
  'completed',
  'closed',
] as const satisfies readonly AuthenticationState[];

export const isFinal = (state: AuthenticationState): boolean =>
  (FINAL_STATES as readonly AuthenticationState[]).includes(state);

/** Columns an event writes besides `state`: one typed patch per kind of step. */
export interface AuthenticationPatch {
  providerSessionId?: string;
  outcome?: Outcome;
  failureReason?: string;
}

export function patchFor(event: AuthenticationEvent): AuthenticationPatch {
  switch (event.type) {
    case 'fingerprint_required':
    case 'channel_data_required':
    case 'challenge_issued':
      return withSessionId(event, {});
    case 'result_received':
    case 'hosted_result_received':
      return withSessionId(event, { outcome: event.outcome });
    case 'creation_rejected':
      return { outcome: event.outcome };
    case 'challenge_abandoned':
      return { outcome: 'abandoned' };
    case 'session_expired':
      return { outcome: 'expired' };
    case 'failed':
      return { outcome: 'error', failureReason: event.reason };
    case 'creation_timed_out':
    case 'fingerprint_completed':
    case 'completion_confirmed':
    case 'completion_refused':
      return {};
    default:
      return assertNever(event);
  }
}

function withSessionId(event: FromCreation, patch: AuthenticationPatch): AuthenticationPatch {
  return event.providerSessionId ? { ...patch, providerSessionId: event.providerSessionId } : patch;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
