import { sessionScopes } from './session-scopes.js';

describe('sessionScopes', () => {
  it('asks for one scope per enabled channel, in a stable order', () => {
    expect(sessionScopes(['app', 'browser'])).toEqual(['sessions:browser', 'sessions:app']);
    expect(sessionScopes(['browser'])).toEqual(['sessions:browser']);
    expect(sessionScopes(['app'])).toEqual(['sessions:app']);
  });

  it('asks for no scope of its own for 3RI, and for sessions:app when 3RI is the only channel', () => {
    expect(sessionScopes(['browser', 'merchant_initiated'])).toEqual(['sessions:browser']);
    expect(sessionScopes(['browser', 'app', 'merchant_initiated'])).toEqual([
      'sessions:browser',
      'sessions:app',
    ]);
    expect(sessionScopes(['merchant_initiated'])).toEqual(['sessions:app']);
  });

  it('asks for nothing when no channel is enabled', () => {
    expect(sessionScopes([])).toEqual([]);
  });
});
