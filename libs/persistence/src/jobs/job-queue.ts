import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addJobsSql, jsonJobRows } from './job-sql.js';
import { jobRowsJson } from './job-specs.js';

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

/** One statement for any number of jobs. */
const ADD_JOBS = `SELECT count(*)::int AS added FROM ${addJobsSql(jsonJobRows('$1'))}`;

export async function enqueueJobs(
  executor: EntityManager | DataSource,
  jobs: readonly JobSpec[],
): Promise<void> {
  if (jobs.length === 0) return;
  await executor.query(ADD_JOBS, [jobRowsJson(jobs)]);
}

/** Adds jobs outside any other write (a task rescheduling itself, an operator's resend). */
@Injectable()
export class JobQueue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  add(...jobs: JobSpec[]): Promise<void> {
    return enqueueJobs(this.dataSource, jobs);
  }
}
