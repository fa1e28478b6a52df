import { backoffDelayMs, honourRetryAfter, UpstreamBusyError, type Backoff } from '@app/domain';
import type { TaskName } from './job-specs.js';

/**
 * A task the job worker runs. Handlers are idempotent (a job may run again after a crash) and
 * handle expected failures themselves, rescheduling with their own backoff; whatever they throw
 * is retried by the queue.
 */
export interface JobTask {
  readonly name: TaskName;
  run(payload: unknown): Promise<void>;
}

/** When to try again after `error` on `attempt`: backoff with jitter, never before Retry-After. */
export function retryDelayMs(backoff: Backoff, attempt: number, error: unknown): number {
  const delay = backoffDelayMs(backoff, attempt, Math.random());
  return honourRetryAfter(
    delay,
    error instanceof UpstreamBusyError ? error.retryAfterSeconds : undefined,
  );
}
