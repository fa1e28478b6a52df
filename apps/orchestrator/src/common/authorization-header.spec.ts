import { authorizationMatches, basicAuthorization } from './authorization-header.js';

describe('authorization header', () => {
  it('compares the Authorization header exactly', () => {
    expect(authorizationMatches('Bearer abc-123', 'Bearer abc-123')).toBe(true);
    expect(authorizationMatches('Bearer abc-124', 'Bearer abc-123')).toBe(false);
    expect(authorizationMatches('Bearer abc-1234', 'Bearer abc-123')).toBe(false);
    expect(authorizationMatches(undefined, 'Bearer abc-123')).toBe(false);
  });

  it('spells Basic credentials as RFC 7617 does', () => {
    // RFC 7617 section 2's own example.
    expect(basicAuthorization('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
  });
});
