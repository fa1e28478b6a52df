import type { AuthenticationState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { JobSpec } from './jobs/job-queue.js';

/** Jobs of authentications written outside a move: rescheduled deadlines, adopted orphans. */
@Injectable()
export class AuthenticationJobs {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds a job only while the authentication is still at `version` (row locked meanwhile): a
   * deadline rescheduled by a re-read never replaces the one a concurrent move just set.
   */
  async enqueueWhileUnchanged(id: string, version: number, job: JobSpec): Promise<boolean> {
    const rows: { added: number }[] = await this.dataSource.query(
      `WITH unchanged AS (
         SELECT id FROM authentications WHERE id = $1 AND version = $2 FOR UPDATE)
       SELECT count(graphile_worker.add_job($3, $4::json,
                run_at => now() + make_interval(secs => $5 / 1000.0), job_key => $6))::int AS added
       FROM unchanged`,
      [id, version, job.task, JSON.stringify(job.payload), job.runAfterMs, job.key ?? null],
    );
    return rows[0]?.added === 1;
  }

  /**
   * Queues the follow-up an open authentication should have but has not (rows written before
   * this queue existed, or by an older release during a rolling deploy): a deadline for each
   * waiting one, `complete` for each unconfirmed result. Spread over `spreadMs`; idempotent.
   */
  async adoptOrphans(tasks: {
    readonly waitingStates: readonly AuthenticationState[];
    readonly recheckTask: string;
    readonly completeTask: string;
    readonly spreadMs: number;
  }): Promise<number> {
    const rows: { adopted: number }[] = await this.dataSource.query(
      `WITH orphans AS (
         SELECT a.id, $2::text AS task, 'recheck:' || a.id AS key FROM authentications a
         WHERE a.state = ANY($1) AND NOT EXISTS (
           SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'recheck:' || a.id)
         UNION ALL
         SELECT a.id, $3::text, 'complete:' || a.id FROM authentications a
         WHERE a.state = 'result_ready' AND a.checkout_session_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'complete:' || a.id))
       SELECT count(graphile_worker.add_job(task,
                json_build_object('authentication_id', id, 'attempt', 1),
                run_at => now() + random() * make_interval(secs => $4 / 1000.0),
                job_key => key))::int AS adopted
       FROM orphans`,
      [tasks.waitingStates, tasks.recheckTask, tasks.completeTask, tasks.spreadMs],
    );
    return rows[0]?.adopted ?? 0;
  }
}
