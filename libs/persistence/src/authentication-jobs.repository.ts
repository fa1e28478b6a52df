import type { AuthenticationState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { msAfterNowSql } from './authentication-due.js';
import type { JobSpec } from './jobs/job-queue.js';
import { TASKS } from './jobs/job-specs.js';

/** A follow-up claimed by claimDue: run it, then release it (or retry it later). */
export interface DueFollowup {
  readonly authenticationId: string;
  readonly task: string;
  readonly payload: Record<string, unknown>;
  /** The claim's lease end, as written: release and retryLater act only while it is unchanged. */
  readonly claimedUntil: string;
}

/**
 * The authentications' own follow-ups, kept on their rows (`due_*`, see authentication-due.ts):
 * written outside a move (a re-read rescheduling its deadline, a `complete` retry, adopted
 * orphans), and claimed when due by any instance.
 */
@Injectable()
export class AuthenticationJobs {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Sets the follow-up only while the authentication is still at `version`: a deadline
   * rescheduled by a re-read never replaces the one a concurrent move just set.
   */
  async enqueueWhileUnchanged(id: string, version: number, job: JobSpec): Promise<boolean> {
    const [, updated] = await this.dataSource.query<[unknown, number]>(
      `UPDATE authentications SET due_at = ${msAfterNowSql('$3')}, due_task = $4, due_payload = $5::jsonb
       WHERE id = $1 AND version = $2`,
      [id, version, job.runAfterMs, job.task, job.payload],
    );
    return updated === 1;
  }

  /** Sets the follow-up whatever the row's version (its task re-checks the state when it runs). */
  async schedule(id: string, job: JobSpec): Promise<void> {
    await this.dataSource.query(
      `UPDATE authentications SET due_at = ${msAfterNowSql('$2')}, due_task = $3, due_payload = $4::jsonb
       WHERE id = $1`,
      [id, job.runAfterMs, job.task, job.payload],
    );
  }

  /**
   * Up to `limit` follow-ups due now, oldest first, each leased to the caller for `leaseMs`: its
   * `due_at` moves to the lease's end, so a process that dies holding it leaves it due again
   * then, for any instance. Rows another instance is claiming are skipped, not waited for.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DueFollowup[]> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows] = await this.dataSource.query<
      [{ id: string; due_task: string; due_payload: unknown; until: string }[], number]
    >(
      `UPDATE authentications a SET due_at = ${msAfterNowSql('$2')}
       FROM (SELECT id FROM authentications WHERE due_at <= now()
             ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE a.id = due.id
       RETURNING a.id, a.due_task, a.due_payload, a.due_at::text AS until`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({
      authenticationId: row.id,
      task: row.due_task,
      payload: (row.due_payload ?? {}) as Record<string, unknown>,
      claimedUntil: row.until,
    }));
  }

  /** Done: cleared, unless the task or a move set another follow-up meanwhile. */
  async release(claim: DueFollowup): Promise<void> {
    await this.dataSource.query(
      `UPDATE authentications SET due_at = NULL, due_task = NULL, due_payload = NULL
       WHERE id = $1 AND due_at = $2::timestamptz`,
      [claim.authenticationId, claim.claimedUntil],
    );
  }

  /** The task failed unexpectedly: due again after `delayMs`, its failures counted. */
  async retryLater(claim: DueFollowup, delayMs: number, failures: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE authentications
       SET due_at = ${msAfterNowSql('$3')}, due_payload = due_payload || jsonb_build_object('failures', $4::int)
       WHERE id = $1 AND due_at = $2::timestamptz`,
      [claim.authenticationId, claim.claimedUntil, delayMs, failures],
    );
  }

  /**
   * Gives the follow-up an open authentication should have but has not (rows written before
   * follow-ups were kept on the row, or by an older release during a rolling deploy): a deadline
   * for each waiting one, `complete` for each unconfirmed result. Spread over `spreadMs`;
   * idempotent.
   */
  async adoptOrphans(orphans: {
    /** States that wait on a deadline. */
    readonly waitingStates: readonly AuthenticationState[];
    /** States that send `complete` (to a session that exists). */
    readonly completingStates: readonly AuthenticationState[];
    readonly spreadMs: number;
  }): Promise<number> {
    const [, adopted] = await this.dataSource.query<[unknown, number]>(
      `UPDATE authentications
       SET due_at = ${msAfterNowSql('(random() * $3::float8)')},
           due_task = CASE WHEN state = ANY($1) THEN $4 ELSE $5 END,
           due_payload = jsonb_build_object('authentication_id', id, 'attempt', 1)
       WHERE due_at IS NULL
         AND (state = ANY($1) OR (state = ANY($2) AND provider_session_id IS NOT NULL))`,
      [
        orphans.waitingStates,
        orphans.completingStates,
        orphans.spreadMs,
        TASKS.recheck,
        TASKS.completeSession,
      ],
    );
    return adopted;
  }
}
