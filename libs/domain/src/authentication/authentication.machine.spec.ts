import {
  AUTHENTICATION_STATES,
  AUTHENTICATION_TRANSITIONS,
  isTerminal,
  patchFor,
  transition,
  type AuthenticationEvent,
  type AuthenticationState,
} from './authentication.machine.js';

describe('authentication machine', () => {
  it.each<[AuthenticationState, AuthenticationEvent, AuthenticationState]>([
    [
      'created',
      { type: 'fingerprint_required', providerSessionId: 'sid_1' },
      'awaiting_issuer_fingerprint',
    ],
    [
      'created',
      { type: 'channel_data_required', providerSessionId: 'sid_1' },
      'awaiting_channel_data',
    ],
    ['created', { type: 'result_received', outcome: 'authenticated' }, 'result_ready'],
    ['created', { type: 'creation_timed_out' }, 'creation_unknown'],
    ['created', { type: 'creation_rejected', outcome: 'unavailable' }, 'closed'],
    [
      'creation_unknown',
      { type: 'challenge_issued', providerSessionId: 'sid_1' },
      'challenge_required',
    ],
    ['creation_unknown', { type: 'failed', reason: 'checkout_session_not_found' }, 'closed'],
    ['awaiting_issuer_fingerprint', { type: 'fingerprint_completed' }, 'awaiting_channel_data'],
    ['awaiting_channel_data', { type: 'challenge_issued' }, 'challenge_required'],
    ['awaiting_channel_data', { type: 'result_received', outcome: 'attempted' }, 'result_ready'],
    ['challenge_required', { type: 'result_received', outcome: 'rejected' }, 'result_ready'],
    ['challenge_required', { type: 'challenge_abandoned' }, 'result_ready'],
    ['challenge_required', { type: 'session_expired' }, 'closed'],
    ['result_ready', { type: 'completion_confirmed' }, 'completed'],
    ['result_ready', { type: 'completion_refused' }, 'closed'],
    [
      'awaiting_channel_data',
      { type: 'hosted_result_received', outcome: 'authenticated' },
      'completed',
    ],
    ['challenge_required', { type: 'hosted_result_received', outcome: 'abandoned' }, 'completed'],
  ])('%s + %o -> %s', (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, from, to });
  });

  it.each<[AuthenticationState, AuthenticationEvent]>([
    ['result_ready', { type: 'result_received', outcome: 'not_authenticated' }],
    ['completed', { type: 'hosted_result_received', outcome: 'authenticated' }],
    ['result_ready', { type: 'session_expired' }],
    ['completed', { type: 'completion_confirmed' }],
    ['closed', { type: 'result_received', outcome: 'authenticated' }],
    ['awaiting_channel_data', { type: 'completion_confirmed' }],
    ['creation_unknown', { type: 'completion_confirmed' }],
    ['challenge_required', { type: 'completion_refused' }],
    ['completed', { type: 'completion_refused' }],
  ])('refuses %s + %o without throwing', (from, event) => {
    expect(transition(from, event)).toEqual({ ok: false, from, event: event.type });
  });

  it('reaches every state from created', () => {
    const seen = new Set<AuthenticationState>(['created']);
    const queue: AuthenticationState[] = ['created'];
    for (let state = queue.shift(); state; state = queue.shift()) {
      for (const next of Object.values(AUTHENTICATION_TRANSITIONS[state])) {
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...AUTHENTICATION_STATES].sort());
  });

  it('has exactly two terminal states, and nothing leaves them', () => {
    expect(AUTHENTICATION_STATES.filter(isTerminal)).toEqual(['completed', 'closed']);
  });

  it('lets every state before a result fail and expire', () => {
    const open = AUTHENTICATION_STATES.filter(
      (state) => !isTerminal(state) && state !== 'result_ready',
    );
    for (const state of open) {
      expect(AUTHENTICATION_TRANSITIONS[state].failed).toBe('closed');
      expect(AUTHENTICATION_TRANSITIONS[state].session_expired).toBe('closed');
    }
  });

  it.each<[AuthenticationEvent, ReturnType<typeof patchFor>]>([
    [
      { type: 'result_received', outcome: 'authenticated', providerSessionId: 'sid_1' },
      { outcome: 'authenticated', providerSessionId: 'sid_1' },
    ],
    [{ type: 'challenge_issued' }, {}],
    [{ type: 'challenge_abandoned' }, { outcome: 'abandoned' }],
    [{ type: 'session_expired' }, { outcome: 'expired' }],
    // The outcome read before (abandoned, or the result of an expired session) stays.
    [{ type: 'completion_refused' }, {}],
    [
      { type: 'failed', reason: 'upstream_rejected' },
      { outcome: 'error', failureReason: 'upstream_rejected' },
    ],
  ])('patches %o with %o', (event, patch) => {
    expect(patchFor(event)).toEqual(patch);
  });
});
