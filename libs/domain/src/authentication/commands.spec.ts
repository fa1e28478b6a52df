import {
  AUTHENTICATION_STATES,
  FINAL_STATES,
  INITIAL_STATE,
  isFinal,
  type AuthenticationState,
} from './authentication.machine.js';
import {
  accepts,
  allows,
  AUTHENTICATION_COMMANDS,
  statesAllowing,
  type AuthenticationCommand,
} from './commands.js';
import { mootEffectsOf } from './effects.js';

describe('which command is allowed in which state', () => {
  it.each<[AuthenticationCommand, AuthenticationState[]]>([
    ['report_issuer_fingerprint', ['awaiting_issuer_fingerprint']],
    ['submit_channel_data', ['awaiting_issuer_fingerprint', 'awaiting_channel_data']],
    ['report_app_challenge_result', ['challenge_required', ...FINAL_STATES]],
    ['link_session', ['created', 'creation_unknown']],
  ])('%s: %j', (command, states) => {
    expect(statesAllowing(command).sort()).toEqual([...states].sort());
  });

  it('re-reads a session for an outside input only while its outcome can still change', () => {
    expect(statesAllowing('reread_session')).toEqual(
      AUTHENTICATION_STATES.filter((state) => !isFinal(state)),
    );
  });

  it('answers a retried create from the authentication once the create has heard back', () => {
    expect(statesAllowing('answer_create_retry')).toEqual(
      AUTHENTICATION_STATES.filter((state) => !allows(state, 'link_session')),
    );
  });

  it('allows every command somewhere, and starts where only a session link can help', () => {
    for (const command of AUTHENTICATION_COMMANDS) {
      expect({ command, states: statesAllowing(command).length > 0 }).toEqual({
        command,
        states: true,
      });
    }
    expect(allows(INITIAL_STATE, 'link_session')).toBe(true);
  });

  it('accepts exactly the moves the transition table has', () => {
    expect(accepts('result_ready', 'completion_confirmed')).toBe(true);
    expect(accepts('completed', 'completion_confirmed')).toBe(false);
    expect(accepts('created', 'creation_timed_out')).toBe(true);
    expect(accepts('creation_unknown', 'creation_timed_out')).toBe(false);
  });
});

describe('follow-ups a move makes moot', () => {
  it.each<[AuthenticationState | null, AuthenticationState, string[]]>([
    [null, 'created', []],
    ['created', 'awaiting_channel_data', []],
    ['challenge_required', 'result_ready', ['recheck']],
    ['result_ready', 'completed', ['complete_session']],
    ['awaiting_channel_data', 'closed', ['recheck']],
    ['result_ready', 'result_ready', []],
  ])('%s → %s: %j', (from, to, moot) => {
    expect(mootEffectsOf(from, to)).toEqual(moot);
  });
});
