export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** What to say when time runs out (the state that was never reached). */
  readonly describe?: () => string | Promise<string>;
}

/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with
 * what `describe` says. For outcomes that arrive through background jobs.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 20_000, intervalMs = 50, describe = () => 'condition not met' }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms: ${await describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
