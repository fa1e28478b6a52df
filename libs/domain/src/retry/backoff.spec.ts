import { backoffDelayMs, honourRetryAfter } from './backoff.js';

describe('backoff', () => {
  const backoff = { baseMs: 1_000, capMs: 60_000 };

  it.each([
    [1, 0, 500],
    [1, 0.999_999, 1_000],
    [2, 0, 1_000],
    [3, 0.5, 3_000],
    [7, 0, 30_000],
    [8, 0.999_999, 60_000],
    [50, 0, 30_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffDelayMs(backoff, attempt, random)).toBe(expected);
  });

  it('never waits less than half, nor more than the capped nominal delay', () => {
    for (let attempt = 1; attempt <= 40; attempt++) {
      const nominal = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      for (const random of [0, 0.25, 0.5, 0.75, 0.999]) {
        const delay = backoffDelayMs(backoff, attempt, random);
        expect(delay).toBeGreaterThanOrEqual(nominal / 2);
        expect(delay).toBeLessThanOrEqual(nominal);
      }
    }
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(honourRetryAfter(500, 3)).toBe(3_000);
    expect(honourRetryAfter(5_000, 3)).toBe(5_000);
    expect(honourRetryAfter(500, undefined)).toBe(500);
  });
});
