import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A job for graphile-worker, written with SQL so it commits (or not) with the caller's writes. */
export interface JobSpec {
  /** The task identifier the worker runs. */
  readonly task: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Due this long after the writing transaction's start (0: as soon as it commits). */
  readonly runAfterMs: number;
  /**
   * At most one pending job per key: adding another replaces it (graphile-worker `job_key`,
   * mode `replace`); a running one keeps running and the new one waits for its due time.
   */
  readonly key?: string;
  /** graphile-worker's own retries, for failures the task did not handle (default 25). */
  readonly maxAttempts?: number;
}

/**
 * One statement for any number of jobs (`graphile_worker.add_jobs`, the queue's public SQL API),
 * which also NOTIFYs idle workers so a due job starts within milliseconds.
 */
const ADD_JOBS = `
  SELECT count(*)::int AS added FROM graphile_worker.add_jobs(ARRAY(
    SELECT ROW(j.task, j.payload, NULL, now() + make_interval(secs => j.run_after_ms / 1000.0),
               j.max_attempts, j.key, NULL, NULL)::graphile_worker.job_spec
    FROM json_to_recordset($1::json)
      AS j(task text, payload json, run_after_ms float8, max_attempts int, key text)))`;

export async function enqueueJobs(
  executor: EntityManager | DataSource,
  jobs: readonly JobSpec[],
): Promise<void> {
  if (jobs.length === 0) return;
  const rows = jobs.map((job) => ({
    task: job.task,
    payload: job.payload,
    run_after_ms: job.runAfterMs,
    max_attempts: job.maxAttempts ?? null,
    key: job.key ?? null,
  }));
  await executor.query(ADD_JOBS, [JSON.stringify(rows)]);
}

/** Adds jobs outside any other write (a task rescheduling itself, an operator's resend). */
@Injectable()
export class JobQueue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  add(...jobs: JobSpec[]): Promise<void> {
    return enqueueJobs(this.dataSource, jobs);
  }
}
