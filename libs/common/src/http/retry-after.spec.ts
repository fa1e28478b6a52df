import { parseRetryAfter } from './retry-after.js';

describe('Retry-After', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');

  it.each([
    ['7', 7],
    [' 120 ', 120],
    ['Wed, 02 Dec 2026 10:00:30 GMT', 30],
    ['Wed, 02 Dec 2026 09:59:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j means %s seconds', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });
});
