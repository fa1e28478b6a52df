import type { AuthenticationState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AuthenticationEventEntity,
  type EventDetail,
} from './entities/authentication-event.entity.js';
import { AuthenticationEntity } from './entities/authentication.entity.js';
import { enqueueJobs, type JobSpec } from './jobs/job-queue.js';
import { TeamEventRepository, type TeamEventDraft } from './team-event.repository.js';

export type AuthenticationColumns = Partial<
  Pick<
    AuthenticationEntity,
    | 'outcome'
    | 'checkoutSessionId'
    | 'failureReason'
    | 'nextAction'
    | 'result'
    | 'cryptogramCiphertext'
    | 'scheme'
  >
>;

export interface TimelineEntry {
  readonly event: string;
  readonly source: string;
  readonly detail?: EventDetail;
}

/** The follow-ups of a write, committed with it (or not at all). */
export interface Followups {
  readonly jobs: readonly JobSpec[];
  readonly teamEvent?: { readonly draft: TeamEventDraft; readonly deliveryTask: string };
}

export interface TransitionWrite extends TimelineEntry {
  readonly authenticationId: string;
  readonly from: AuthenticationState;
  readonly fromVersion: number;
  readonly to: AuthenticationState;
  readonly columns: AuthenticationColumns;
  readonly followups: Followups;
}

/** The Idempotency-Key whose request created the row: it points at it from now on. */
export interface CreatingKey {
  readonly teamId: string;
  readonly key: string;
}

/** The authentications table and its timeline. Owns its transactions. */
@Injectable()
export class AuthenticationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts a new authentication, its first timeline row, its first deadline and the link from
   * its Idempotency-Key, in one transaction: a crash right after leaves nothing dangling.
   */
  async insert(
    row: Omit<AuthenticationEntity, 'createdAt' | 'updatedAt' | 'version'>,
    entry: TimelineEntry,
    followups: Followups,
    creatingKey?: CreatingKey,
  ) {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(AuthenticationEntity, { ...row, version: 0 });
      await this.appendEvent(manager, row.id, entry, null, row.state);
      if (creatingKey) {
        await manager.query(
          'UPDATE idempotency_keys SET authentication_id = $3 WHERE team_id = $1 AND key = $2',
          [creatingKey.teamId, creatingKey.key, row.id],
        );
      }
      await this.writeFollowups(manager, followups);
    });
  }

  findById(id: string): Promise<AuthenticationEntity | null> {
    return this.dataSource.getRepository(AuthenticationEntity).findOneBy({ id });
  }

  findByReference(teamId: string, reference: string): Promise<AuthenticationEntity | null> {
    return this.dataSource.getRepository(AuthenticationEntity).findOneBy({ teamId, reference });
  }

  /**
   * Compare-and-set: moves the row only if it still has the version the decision was made on,
   * and appends the timeline row in the same transaction. False: a concurrent writer won.
   */
  applyTransition(write: TransitionWrite): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const { affected } = await manager
        .createQueryBuilder()
        .update(AuthenticationEntity)
        .set({ ...write.columns, state: write.to, version: () => 'version + 1' })
        .where('id = :id AND version = :version AND state = :from', {
          id: write.authenticationId,
          version: write.fromVersion,
          from: write.from,
        })
        .execute();
      if (affected !== 1) return false;
      await this.appendEvent(manager, write.authenticationId, write, write.from, write.to);
      await this.writeFollowups(manager, write.followups);
      return true;
    });
  }

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

  findByCheckoutSessionId(checkoutSessionId: string): Promise<AuthenticationEntity | null> {
    return this.dataSource.getRepository(AuthenticationEntity).findOneBy({ checkoutSessionId });
  }

  /**
   * Authentications without a Checkout session created within `window`, matching what a Checkout
   * webhook says of a session we never heard of. Every state counts, closed ones included: the
   * caller links only when exactly one, still waiting for its session, matches.
   */
  findSessionlessMatches(match: {
    reference: string;
    currency: string;
    amount: number | null;
    window: { from: Date; to: Date };
  }): Promise<AuthenticationEntity[]> {
    return this.dataSource
      .getRepository(AuthenticationEntity)
      .createQueryBuilder('a')
      .where('a.checkout_session_id IS NULL AND a.reference = :reference', match)
      .andWhere('a.currency = :currency AND a.amount IS NOT DISTINCT FROM :amount', match)
      .andWhere('a.created_at BETWEEN :from AND :to', match.window)
      .getMany();
  }

  /** A timeline row for an input that moved nothing (duplicate callback, late notification…). */
  async recordInput(authenticationId: string, entry: TimelineEntry): Promise<void> {
    await this.appendEvent(this.dataSource.manager, authenticationId, entry, null, null);
  }

  /**
   * Like recordInput, for inputs anyone can send: one row per distinct input (`input`, a hash of
   * what was posted, kept in the detail; a unique index makes concurrent repeats add nothing),
   * and at most `maxRows` rows of this event per authentication, however many distinct inputs.
   * False: nothing was recorded (a repeat, or the row limit was reached).
   */
  async recordInputOnce(
    authenticationId: string,
    entry: TimelineEntry,
    input: string,
    maxRows = 1,
  ): Promise<boolean> {
    const recorded: unknown[] = await this.dataSource.query(
      `INSERT INTO authentication_events (authentication_id, event, source, detail)
       SELECT $1, $2, $3, $4::jsonb
       WHERE (SELECT count(*) FROM authentication_events
              WHERE authentication_id = $1 AND event = $2) < $5
       ON CONFLICT DO NOTHING RETURNING id`,
      [authenticationId, entry.event, entry.source, { ...entry.detail, input }, maxRows],
    );
    return recorded.length === 1;
  }

  /** A team's authentications, newest first, after a keyset position (created_at, id). */
  listForTeam(
    teamId: string,
    filter: {
      reference?: string;
      state?: AuthenticationState;
      limit: number;
      after?: { createdAt: Date; id: string };
    },
  ): Promise<AuthenticationEntity[]> {
    const query = this.dataSource
      .getRepository(AuthenticationEntity)
      .createQueryBuilder('a')
      .where('a.team_id = :teamId', { teamId });
    if (filter.reference)
      query.andWhere('a.reference = :reference', { reference: filter.reference });
    if (filter.state) query.andWhere('a.state = :state', { state: filter.state });
    if (filter.after) {
      query.andWhere('(a.created_at, a.id) < (:createdAt, :id)', filter.after);
    }
    return query
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(filter.limit)
      .getMany();
  }

  listEvents(authenticationId: string): Promise<AuthenticationEventEntity[]> {
    return this.dataSource
      .getRepository(AuthenticationEventEntity)
      .find({ where: { authenticationId }, order: { id: 'ASC' } });
  }

  private async writeFollowups(manager: EntityManager, followups: Followups): Promise<void> {
    await enqueueJobs(manager, followups.jobs);
    if (followups.teamEvent) {
      await TeamEventRepository.append(
        manager,
        followups.teamEvent.draft,
        followups.teamEvent.deliveryTask,
      );
    }
  }

  private async appendEvent(
    manager: EntityManager,
    authenticationId: string,
    entry: TimelineEntry,
    fromState: string | null,
    toState: string | null,
  ): Promise<void> {
    await manager.insert(AuthenticationEventEntity, {
      authenticationId,
      event: entry.event,
      source: entry.source,
      detail: entry.detail ?? null,
      fromState,
      toState,
    });
  }
}
