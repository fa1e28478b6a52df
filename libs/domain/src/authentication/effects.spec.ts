import {
  AUTHENTICATION_STATES,
  AUTHENTICATION_TRANSITIONS,
  isFinal,
  isTerminal,
  type AuthenticationState,
} from './authentication.machine.js';
import {
  EFFECTS_ON_ENTER,
  RECHECK_DEADLINES,
  effectsOf,
  recheckDeadlineOf,
  type EffectType,
} from './effects.js';

/** Every legal move of the table, as [from, to]. */
const MOVES: [AuthenticationState, AuthenticationState][] = AUTHENTICATION_STATES.flatMap((from) =>
  Object.values(AUTHENTICATION_TRANSITIONS[from]).map(
    (to) => [from, to] as [AuthenticationState, AuthenticationState],
  ),
);

const types = (from: AuthenticationState | null, to: AuthenticationState): EffectType[] =>
  effectsOf(from, to).map((effect) => effect.type);

describe('effects of a move', () => {
  it('gives every open state exactly one deadline, so nothing can wait forever', () => {
    for (const state of AUTHENTICATION_STATES.filter((s) => !isFinal(s))) {
      const rechecks = EFFECTS_ON_ENTER[state].filter((effect) => effect.type === 'recheck');
      expect({ state, rechecks: rechecks.length }).toEqual({ state, rechecks: 1 });
    }
  });

  it('gives final states no deadline', () => {
    for (const state of AUTHENTICATION_STATES.filter(isFinal)) {
      expect(recheckDeadlineOf(state)).toBeUndefined();
    }
  });

  it('uses every deadline kind somewhere', () => {
    const used = AUTHENTICATION_STATES.map(recheckDeadlineOf).filter(Boolean);
    expect([...new Set(used)].sort()).toEqual([...RECHECK_DEADLINES].sort());
  });

  it.each(MOVES)('%s -> %s tells the team exactly when the outcome becomes known', (from, to) => {
    const notifies = types(from, to).filter((type) => type === 'notify_team').length;
    expect(notifies).toBe(!isFinal(from) && isFinal(to) ? 1 : 0);
  });

  it.each(MOVES)('%s -> %s asks Checkout to complete only on entering result_ready', (from, to) => {
    expect(types(from, to).includes('complete_session')).toBe(to === 'result_ready');
  });

  it('schedules the creation deadline with the insert', () => {
    expect(effectsOf(null, 'created')).toEqual([{ type: 'recheck', deadline: 'creation' }]);
  });

  it.each<[AuthenticationState, string]>([
    ['creation_unknown', 'session_lookup'],
    ['awaiting_issuer_fingerprint', 'issuer_fingerprint'],
    ['awaiting_channel_data', 'channel_data'],
    ['challenge_required', 'challenge'],
  ])('re-reads %s on the %s deadline', (state, deadline) => {
    expect(recheckDeadlineOf(state)).toBe(deadline);
  });

  it('sets nothing in motion when Checkout confirms completion', () => {
    expect(effectsOf('result_ready', 'completed')).toEqual([]);
  });

  it('tells the team, and sends no complete, when a hosted result ends a wait', () => {
    expect(types('awaiting_channel_data', 'completed')).toEqual(['notify_team']);
    expect(types('challenge_required', 'completed')).toEqual(['notify_team']);
  });

  it.each(MOVES)('%s -> %s leaves no deadline behind a terminal state', (_from, to) => {
    if (isTerminal(to)) expect(types(_from, to)).not.toContain('recheck');
  });
});
