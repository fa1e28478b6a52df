import type { AuthenticationState } from './authentication.machine.js';

/**
 * Why a waiting authentication is re-read from Checkout, and after how long (the app maps each
 * to a configured period):
 * - `creation`: POST /sessions had its deadline; if the row is still `created`, its process died.
 * - `session_lookup`: no `sid_…` is known; only a webhook can name it, until the lifetime ends.
 * - `issuer_fingerprint`: EMV 3DS Method rule, 10 s for the issuer's page to post back.
 * - `channel_data`: the caller has the next action; Checkout expires the session if it never acts.
 * - `challenge`: the window the ACS gives the cardholder.
 */
export const RECHECK_DEADLINES = [
  'creation',
  'session_lookup',
  'issuer_fingerprint',
  'channel_data',
  'challenge',
] as const;
export type RecheckDeadline = (typeof RECHECK_DEADLINES)[number];

/**
 * A follow-up a move implies. The domain decides; a durable job, written in the same transaction
 * as the move, executes it.
 */
export type Effect =
  /** Re-read the session when the deadline passes (replaces any earlier deadline). */
  | { readonly type: 'recheck'; readonly deadline: RecheckDeadline }
  /** POST /sessions/{id}/complete: Checkout then posts the result to our callback_url. */
  | { readonly type: 'complete_session' }
  /** The signed `authentication.completed` event to the team's endpoints. */
  | { readonly type: 'notify_team' };
export type EffectType = Effect['type'];

const recheck = (deadline: RecheckDeadline): Effect => ({ type: 'recheck', deadline });

/**
 * What entering each state sets in motion. Every waiting state owns a deadline, so an
 * authentication can never wait forever for a browser or a webhook; every final state tells
 * the team once.
 */
export const EFFECTS_ON_ENTER: { readonly [S in AuthenticationState]: readonly Effect[] } = {
  created: [recheck('creation')],
  creation_unknown: [recheck('session_lookup')],
  awaiting_issuer_fingerprint: [recheck('issuer_fingerprint')],
  awaiting_channel_data: [recheck('channel_data')],
  challenge_required: [recheck('challenge')],
  result_ready: [{ type: 'complete_session' }, { type: 'notify_team' }],
  // Reached straight from a waiting state only by a hosted result, which needs no `complete`.
  completed: [{ type: 'notify_team' }],
  closed: [{ type: 'notify_team' }],
};

/**
 * The follow-ups of a move (`from` is null for the insert). Pure: transitions return effects,
 * they never run them.
 */
export function effectsOf(
  from: AuthenticationState | null,
  to: AuthenticationState,
): readonly Effect[] {
  if (from === to) return [];
  // `complete` confirmed (`result_ready` → `completed`): the team already heard at `result_ready`.
  if (from === 'result_ready') return [];
  return EFFECTS_ON_ENTER[to];
}

/**
 * What `from` set in motion that a move to `to` makes moot: its deadline when `to` waits on
 * none, its `complete` once the authentication left the state that sends it.
 */
export function mootEffectsOf(
  from: AuthenticationState | null,
  to: AuthenticationState,
): EffectType[] {
  if (from === null || from === to) return [];
  const moot: EffectType[] = [];
  if (recheckDeadlineOf(from) && !recheckDeadlineOf(to)) moot.push('recheck');
  if (EFFECTS_ON_ENTER[from].some((effect) => effect.type === 'complete_session')) {
    moot.push('complete_session');
  }
  return moot;
}

/** The deadline a waiting state re-reads on, or undefined for states that wait on nothing. */
export function recheckDeadlineOf(state: AuthenticationState): RecheckDeadline | undefined {
  const effect = EFFECTS_ON_ENTER[state].find((candidate) => candidate.type === 'recheck');
  return effect?.type === 'recheck' ? effect.deadline : undefined;
}
