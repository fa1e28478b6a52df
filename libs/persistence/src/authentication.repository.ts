import type { AuthenticationState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AuthenticationEventEntity,
  type EventDetail,
} from './entities/authentication-event.entity.js';
import { AuthenticationEntity } from './entities/authentication.entity.js';

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

export interface TransitionWrite extends TimelineEntry {
  readonly authenticationId: string;
  readonly from: AuthenticationState;
  readonly fromVersion: number;
  readonly to: AuthenticationState;
  readonly columns: AuthenticationColumns;
}

/** The authentications table and its timeline. Owns its transactions. */
@Injectable()
export class AuthenticationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a new authentication and its first timeline row, in one transaction. */
  async insert(
    row: Omit<AuthenticationEntity, 'createdAt' | 'updatedAt' | 'version'>,
    entry: TimelineEntry,
  ) {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(AuthenticationEntity, { ...row, version: 0 });
      await this.appendEvent(manager, row.id, entry, null, row.state);
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
      return true;
    });
  }

  /** A timeline row for an input that moved nothing (duplicate callback, late notification…). */
  async recordInput(authenticationId: string, entry: TimelineEntry): Promise<void> {
    await this.appendEvent(this.dataSource.manager, authenticationId, entry, null, null);
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

  /** Open authentications unchanged since `before`, oldest first (the poller's work list). */
  findStale(
    states: readonly AuthenticationState[],
    before: Date,
    limit: number,
  ): Promise<AuthenticationEntity[]> {
    return this.dataSource
      .getRepository(AuthenticationEntity)
      .createQueryBuilder('a')
      .where('a.state IN (:...states) AND a.updated_at < :before', { states, before })
      .orderBy('a.updated_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  listEvents(authenticationId: string): Promise<AuthenticationEventEntity[]> {
    return this.dataSource
      .getRepository(AuthenticationEventEntity)
      .find({ where: { authenticationId }, order: { id: 'ASC' } });
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
