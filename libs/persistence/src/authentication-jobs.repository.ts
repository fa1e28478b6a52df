import type { AuthenticationState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { JobSpec } from './jobs/job-queue.js';
import { addJobsSql, jsonJobRows } from './jobs/job-sql.js';
import {
  authenticationJobKeySql,
  authenticationJobRows,
  jobRowsJson,
  type AuthenticationJobKind,
} from './jobs/job-specs.js';

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
       SELECT count(*)::int AS added
       FROM ${addJobsSql(`${jsonJobRows('$3')} WHERE EXISTS (SELECT 1 FROM unchanged)`)}`,
      [id, version, jobRowsJson([job])],
    );
    return rows[0]?.added === 1;
  }

  /**
   * Queues the follow-up an open authentication should have but has not (rows written before
   * this queue existed, or by an older release during a rolling deploy): a deadline for each
   * waiting one, `complete` for each unconfirmed result. Spread over `spreadMs`; idempotent.
   */
  async adoptOrphans(orphans: {
    /** States that wait on a deadline. */
    readonly waitingStates: readonly AuthenticationState[];
    /** States that send `complete` (to a session that exists). */
    readonly completingStates: readonly AuthenticationState[];
    readonly spreadMs: number;
  }): Promise<number> {
    const missing = (kind: AuthenticationJobKind) =>
      `NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j
                   WHERE j.key = ${authenticationJobKeySql(kind, 'a.id')})`;
    const rows: { adopted: number }[] = await this.dataSource.query(
      `WITH orphans AS (
         SELECT a.id, 'recheck' AS kind FROM authentications a
         WHERE a.state = ANY($1) AND ${missing('recheck')}
         UNION ALL
         SELECT a.id, 'complete' FROM authentications a
         WHERE a.state = ANY($2) AND a.provider_session_id IS NOT NULL AND ${missing('complete')})
       SELECT count(*)::int AS adopted
       FROM ${addJobsSql(authenticationJobRows('orphans', 'random() * $3::float8'))}`,
      [orphans.waitingStates, orphans.completingStates, orphans.spreadMs],
    );
    return rows[0]?.adopted ?? 0;
  }
}
