import {
  backoffDelayMs,
  honourRetryAfter,
  ProviderCircuitOpenError,
  UpstreamBusyError,
  type Backoff,
} from '@app/domain';
import { DiscoveryService } from '@nestjs/core';
import type { TaskName } from './job-specs.js';

/**
 * A task the job worker runs. Handlers are idempotent (a job may run again after a crash) and
 * handle expected failures themselves, rescheduling with their own backoff; whatever they throw
 * is retried by the queue.
 */
export interface JobTask {
  readonly name: TaskName;
  run(payload: unknown): Promise<void>;
  /** Once at start-up, when the queue (its schema, its pools) is up: jobs may be written. */
  queueReady?(): Promise<void>;
}

/**
 * The worker's pools: the authentication flow's jobs (deadlines, `complete`, provider events) and
 * team deliveries, so slow team endpoints never delay a flow.
 */
export const JOB_POOLS = ['flow', 'deliveries'] as const;
export type JobPool = (typeof JOB_POOLS)[number];

/**
 * Registers a provider (a JobTask) with the job worker, run in the given pool. The module that
 * provides the task owns it; the worker finds every registered task through Nest's
 * DiscoveryService and imports none.
 */
export const WorkerTask = DiscoveryService.createDecorator<JobPool>();

/** When to try again after `error` on `attempt`: backoff with jitter, never before Retry-After. */
export function retryDelayMs(backoff: Backoff, attempt: number, error: unknown): number {
  const delay = backoffDelayMs(backoff, attempt, Math.random());
  return honourRetryAfter(
    delay,
    error instanceof UpstreamBusyError || error instanceof ProviderCircuitOpenError
      ? error.retryAfterSeconds
      : undefined,
  );
}
