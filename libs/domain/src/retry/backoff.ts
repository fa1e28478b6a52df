/** Capped exponential backoff: attempt 1 waits `baseMs`, each next attempt twice as long. */
export interface Backoff {
  readonly baseMs: number;
  readonly capMs: number;
}

/**
 * Delay before `attempt` (1-based), with "equal jitter" (AWS Architecture Blog, "Exponential
 * Backoff And Jitter"): half the capped exponential, plus a random part of the other half, so
 * retries of many items spread out but never come sooner than half the nominal delay.
 * `random` is in [0, 1); pass Math.random in production and a constant in tests.
 */
export function backoffDelayMs(backoff: Backoff, attempt: number, random: number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const nominal = Math.min(backoff.capMs, backoff.baseMs * 2 ** exponent);
  return Math.round(nominal / 2 + (nominal / 2) * random);
}

/**
 * The wait before the next try after a refusal: the server's `Retry-After` when it gave one and it
 * is longer, since sooner would only be refused again (RFC 9110 §10.2.3).
 */
export function honourRetryAfter(delayMs: number, retryAfterSeconds: number | undefined): number {
  return retryAfterSeconds === undefined ? delayMs : Math.max(delayMs, retryAfterSeconds * 1000);
}
