import { sessionScopes } from './session-scopes.js';

describe('sessionScopes', () => {
  it('asks for one scope per enabled channel, in a stable order', () => {
    expect(sessionScopes(['app', 'browser'])).toEqual(['sessions:browser', 'sessions:app']);
    expect(sessionScopes(['browser'])).toEqual(['sessions:browser']);
    expect(sessionScopes(['app'])).toEqual(['sessions:app']);
  });

  it('asks for nothing when no channel is enabled', () => {
    expect(sessionScopes([])).toEqual([]);
  });
});
