import type { AuthenticationState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { dueAssignments, dueColumns } from './authentication-due.js';
import {
  authenticationColumns,
  claimKey,
  isViolationOf,
  STEP_UP_INDEX,
  cappedInputCtes,
  preparedStatements,
  RowStatement,
  type ColumnMap,
  type CreatingKey,
  type Followups,
  type KeyAnswer,
} from './authentication.statements.js';
import {
  AuthenticationEventEntity,
  type EventDetail,
} from './entities/authentication-event.entity.js';
import { AuthenticationEntity } from './entities/authentication.entity.js';
import { insertStepUp, type StepUpLink } from './step-up.statements.js';

export type AuthenticationColumns = Partial<
  Pick<
    AuthenticationEntity,
    | 'outcome'
    | 'providerSessionId'
    | 'failureReason'
    | 'nextAction'
    | 'result'
    | 'cryptogramCiphertext'
    | 'providerStateCiphertext'
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
  /** Written as updated_at, so that an answer rendered before the write shows what it wrote. */
  readonly at: Date;
  readonly followups: Followups;
  readonly answer?: KeyAnswer;
}

export type NewAuthentication = Omit<
  AuthenticationEntity,
  'createdAt' | 'updatedAt' | 'version' | 'notificationRereads'
>;

/** What a callback POST found: nothing (unknown id or wrong token), or the row's state. */
export type CallbackRecord =
  | { readonly matched: false }
  | { readonly matched: true; readonly state: AuthenticationState; readonly recorded: boolean };

/** The authentications table and its timeline. Owns its transactions. */
@Injectable()
export class AuthenticationRepository {
  private readonly columns: ColumnMap;
  private readonly prepared: ReturnType<typeof preparedStatements>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.columns = authenticationColumns(dataSource);
    this.prepared = preparedStatements(dataSource);
  }

  /**
   * Inserts a new authentication with its first timeline row and its first deadline, and claims
   * its Idempotency-Key, all in one statement: a crash right after leaves nothing dangling, and a
   * key already taken (by a concurrent or earlier request) inserts nothing: `key_taken`. A key
   * left unlinked by a request that died before this release is taken over once abandoned.
   * A step-up (`stepUp`) links its original back, writes the original's timeline row and
   * releases its active claim in the same transaction; `already_stepped_up` when another step-up
   * of the original got there first (nothing is written then, the key included).
   */
  async insert(
    row: NewAuthentication,
    entry: TimelineEntry,
    followups: Followups,
    creatingKey?: CreatingKey,
    stepUp?: StepUpLink,
  ): Promise<AuthenticationEntity | 'key_taken' | 'already_stepped_up'> {
    const statement = new RowStatement();
    if (creatingKey) claimKey(statement, creatingKey, row.id);
    const columns = Object.entries({ ...row, version: 0 }).map(([property, value]) => {
      const column = this.columns.byProperty.get(property)!;
      return { name: column.column, value: statement.param(value, column.cast) };
    });
    columns.push(...dueColumns(statement, followups));
    statement.row(
      `INSERT INTO authentications (${columns.map((c) => c.name).join(', ')})
       SELECT ${columns.map((c) => c.value).join(', ')}
       ${creatingKey ? 'WHERE EXISTS (SELECT 1 FROM claimed)' : ''} RETURNING ${this.columns.list}`,
    );
    statement.timeline(entry, null).followups(followups);
    try {
      const rows = stepUp
        ? await insertStepUp(this.dataSource, statement, stepUp)
        : await this.prepared(statement.sql(), statement.values);
      return rows[0] ? this.columns.toEntity(rows[0]) : 'key_taken';
    } catch (error) {
      if (isViolationOf(error, STEP_UP_INDEX)) return 'already_stepped_up';
      throw error;
    }
  }

  async findById(id: string): Promise<AuthenticationEntity | null> {
    const rows = await this.prepared(
      `SELECT ${this.columns.list} FROM authentications WHERE id = $1`,
      [id],
    );
    return rows[0] ? this.columns.toEntity(rows[0]) : null;
  }

  findByReference(teamId: string, reference: string): Promise<AuthenticationEntity | null> {
    return this.dataSource.getRepository(AuthenticationEntity).findOneBy({ teamId, reference });
  }

  /**
   * Compare-and-set: moves the row only if it still has the version the decision was made on,
   * with its timeline row, its follow-ups and the request's stored answer, in one statement.
   * The row as written, or null: a concurrent writer won.
   */
  async applyTransition(write: TransitionWrite): Promise<AuthenticationEntity | null> {
    const statement = new RowStatement();
    const at = statement.param(write.at, '::timestamptz');
    const sets = Object.entries(write.columns).map(([property, value]) => {
      const column = this.columns.byProperty.get(property)!;
      return `${column.column} = ${statement.param(value, column.cast)}`;
    });
    sets.push(
      `state = ${statement.param(write.to)}`,
      'version = version + 1',
      `updated_at = ${at}`,
      ...dueAssignments(statement, write.followups),
    );
    statement.row(
      `UPDATE authentications SET ${sets.join(', ')}
       WHERE id = ${statement.param(write.authenticationId)}
         AND version = ${statement.param(write.fromVersion)} AND state = ${statement.param(write.from)}
       RETURNING ${this.columns.list}`,
    );
    statement.timeline(write, write.from).followups(write.followups).answer(write.answer, at);
    const rows = await this.prepared(statement.sql(), statement.values);
    return rows[0] ? this.columns.toEntity(rows[0]) : null;
  }

  findByProviderSession(
    provider: string,
    providerSessionId: string,
  ): Promise<AuthenticationEntity | null> {
    return this.dataSource
      .getRepository(AuthenticationEntity)
      .findOneBy({ provider, providerSessionId });
  }

  /**
   * Authentications of `provider` without a session yet, created within `window`, matching what
   * a provider event says of a session we never heard of. Every state counts, closed ones
   * included: the caller links only when exactly one, still waiting for its session, matches.
   */
  findSessionlessMatches(match: {
    provider: string;
    reference: string;
    currency: string;
    amount: number | null;
    window: { from: Date; to: Date };
  }): Promise<AuthenticationEntity[]> {
    return this.dataSource
      .getRepository(AuthenticationEntity)
      .createQueryBuilder('a')
      .where('a.provider = :provider AND a.provider_session_id IS NULL', match)
      .andWhere('a.reference = :reference', match)
      .andWhere('a.currency = :currency AND a.amount IS NOT DISTINCT FROM :amount', match)
      .andWhere('a.created_at BETWEEN :from AND :to', match.window)
      .getMany();
  }

  /** A timeline row for an input that moved nothing (duplicate callback, late notification…). */
  async recordInput(authenticationId: string, entry: TimelineEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO authentication_events (authentication_id, event, source, detail)
       VALUES ($1, $2, $3, $4::jsonb)`,
      [authenticationId, entry.event, entry.source, entry.detail ?? null],
    );
  }

  /**
   * Like recordInput, for inputs anyone can send: one row per distinct input (`input`, a hash of
   * what was posted, kept in the detail; a unique index makes concurrent repeats add nothing),
   * and at most `maxRows` rows of this event per authentication, however many distinct inputs
   * arrive, concurrently or not. False: nothing was recorded (a repeat, or the cap was reached).
   */
  async recordInputOnce(
    authenticationId: string,
    entry: TimelineEntry,
    input: string,
    maxRows = 1,
  ): Promise<boolean> {
    const rows = await this.prepared<{ recorded: number }[]>(
      `WITH target AS (SELECT $1::text AS id),
       ${cappedInputCtes({ event: '$2', source: '$3', detail: '$4', input: '$5', maxRows: '$6' })}
       SELECT count(*)::int AS recorded FROM recorded`,
      [authenticationId, entry.event, entry.source, { ...entry.detail, input }, input, maxRows],
    );
    return rows[0]?.recorded === 1;
  }

  /**
   * Checkout's POST to callback_url, in one statement: the URL token checked against its hash,
   * and the callback recorded like recordInputOnce (one row per distinct body, up to `maxRows`).
   */
  async recordCallback(
    id: string,
    tokenHash: string,
    entry: TimelineEntry,
    input: string,
    maxRows = 1,
  ): Promise<CallbackRecord> {
    const rows = await this.prepared<{ state: AuthenticationState; recorded: number }[]>(
      `WITH target AS (
         SELECT id, state FROM authentications WHERE id = $1 AND callback_token_hash = $2
       ), ${cappedInputCtes({ event: '$3', source: '$4', detail: '$5', input: '$6', maxRows: '$7' })}
       SELECT target.state, (SELECT count(*) FROM recorded)::int AS recorded FROM target`,
      [id, tokenHash, entry.event, entry.source, { ...entry.detail, input }, input, maxRows],
    );
    const found = rows[0];
    return found
      ? { matched: true, state: found.state, recorded: found.recorded === 1 }
      : { matched: false };
  }

  /** threeDSCompInd as the 3DS Method was last reported to Checkout (`fingerprint_completed`). */
  async methodCompletionOf(authenticationId: string): Promise<'Y' | 'N' | 'U' | undefined> {
    const rows: { completion: 'Y' | 'N' | 'U' | null }[] = await this.dataSource.query(
      `SELECT detail->>'completion' AS completion FROM authentication_events
       WHERE authentication_id = $1 AND event = 'fingerprint_completed'
       ORDER BY id DESC LIMIT 1`,
      [authenticationId],
    );
    return rows[0]?.completion ?? undefined;
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
}
