import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { EventDetail } from './entities/authentication-event.entity.js';
import { AuthenticationEntity } from './entities/authentication.entity.js';
import type { JobSpec } from './jobs/job-queue.js';
import { addJobsSql } from './jobs/job-sql.js';
import { deliveryJobRows } from './jobs/job-specs.js';
import type { TeamEventDraft } from './team-event.repository.js';

/** The follow-ups of a write, committed with it (or not at all). */
export interface Followups {
  /**
   * The authentication's own follow-up (its deadline, or its `complete` lease), kept on its row
   * (`due_*`) by the write itself: it replaces whatever was due. Its key is not used.
   */
  readonly due?: JobSpec;
  /** Tasks the write makes pointless (a deadline, a `complete`): cleared if they are due. */
  readonly mootTasks?: readonly string[];
  readonly teamEvent?: TeamEventDraft;
}

/** The Idempotency-Key of the request that creates the row, claimed by the insert itself. */
export interface CreatingKey {
  readonly teamId: string;
  /** SHA-256 (hex) of the key: the key itself is never stored. */
  readonly keyHash: string;
  readonly requestHash: string;
}

/** The answer to keep for an Idempotency-Key, written by the move that settles the request. */
export interface KeyAnswer {
  readonly teamId: string;
  readonly keyHash: string;
  readonly status: number;
  readonly body: object;
}

/** Far longer than a create can take: a key left unlinked this long belongs to a dead request. */
export const ABANDONED_KEY_SECONDS = 120;

/**
 * The CTE `claimed`: the Idempotency-Key claimed for the row `authenticationId` the statement
 * inserts (which runs only if it exists). A key left unlinked by a request that died is taken
 * over once abandoned; a key taken otherwise claims nothing.
 */
export function claimKey(
  statement: RowStatement,
  key: CreatingKey,
  authenticationId: string,
): void {
  statement.with(
    'claimed',
    `INSERT INTO idempotency_keys (team_id, key_hash, request_hash, state, authentication_id)
     VALUES (${statement.param(key.teamId)}, ${statement.param(key.keyHash)},
             ${statement.param(key.requestHash)}, 'in_progress', ${statement.param(authenticationId)})
     ON CONFLICT (team_id, key_hash) DO UPDATE
       SET authentication_id = EXCLUDED.authentication_id, updated_at = now()
       WHERE idempotency_keys.state = 'in_progress'
         AND idempotency_keys.authentication_id IS NULL
         AND idempotency_keys.request_hash = EXCLUDED.request_hash
         AND idempotency_keys.updated_at < now() - make_interval(secs => ${ABANDONED_KEY_SECONDS})
     RETURNING key_hash`,
  );
}

/**
 * One SQL statement (so one round trip and one commit) made of data-modifying CTEs, each reading
 * the row the first one wrote (`row`): nothing follows unless the row was written. Placeholders
 * are numbered as values are added, in any order of the CTEs.
 */
export class RowStatement {
  private readonly ctes: string[] = [];
  /** SELECT-only CTEs run only when referenced: the final SELECT counts each of them. */
  private readonly referenced: string[] = [];
  readonly values: unknown[] = [];

  /**
   * A CTE: before row(), one the row's own statement reads (say, a claim it depends on); after
   * it, a write that reads `row` (PostgreSQL runs every data-modifying CTE, read or not).
   */
  with(name: string, query: string): this {
    this.ctes.push(`${name} AS (${query})`);
    return this;
  }

  /** The INSERT or UPDATE … RETURNING * that writes the row. */
  row(query: string): this {
    this.ctes.push(`row AS (${query})`);
    return this;
  }

  param(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }

  /** `of`: the CTE whose rows (`id`, `state`) get the entry, the row's unless named. */
  timeline(
    entry: { event: string; source: string; detail?: EventDetail },
    from: string | null,
    of = 'row',
  ) {
    this.ctes.push(`${of === 'row' ? '' : `${of}_`}timeline AS (
      INSERT INTO authentication_events (authentication_id, event, from_state, to_state, source, detail)
      SELECT id, ${this.param(entry.event)}, ${this.param(from, '::text')}, state,
             ${this.param(entry.source)}, ${this.param(entry.detail ?? null, '::jsonb')} FROM ${of})`);
    return this;
  }

  /** The row's own follow-up is not here but in its write: see dueAssignments. */
  followups(followups: Followups): this {
    if (followups.teamEvent) this.teamEvent(followups.teamEvent);
    return this;
  }

  /**
   * The team event, one delivery per active endpoint, and a delivery job each (outbox), for the
   * rows (`id`, `team_id`) of the CTE `of`, the row's unless named.
   */
  teamEvent(draft: TeamEventDraft, of = 'row'): this {
    const prefix = of === 'row' ? '' : `${of}_`;
    this.ctes.push(`${prefix}team_event AS (
      INSERT INTO team_events (id, team_id, authentication_id, type, payload)
      SELECT ${this.param(draft.id)}, team_id, id, ${this.param(draft.type)},
             ${this.param(draft.payload, '::jsonb')} FROM ${of}
      RETURNING id, team_id)`);
    this.ctes.push(`${prefix}deliveries AS (
      INSERT INTO event_deliveries (event_id, endpoint_id)
      SELECT event.id, endpoint.id FROM ${prefix}team_event event
      JOIN team_endpoints endpoint
        ON endpoint.team_id = event.team_id AND endpoint.disabled_at IS NULL
      RETURNING id)`);
    // add_jobs NOTIFYs every listening session even for no job: called only for deliveries.
    this.counted(
      `${prefix}delivery_jobs`,
      `SELECT job.id FROM (SELECT 1 WHERE EXISTS (SELECT 1 FROM ${prefix}deliveries)) AS delivering,
         LATERAL ${addJobsSql(deliveryJobRows(`${prefix}deliveries`))} AS job`,
    );
    return this;
  }

  /** Keeps the answer of the Idempotency-Key the row belongs to, with the move that settles it. */
  answer(answer: KeyAnswer | undefined, updatedAt: string): this {
    if (!answer) return this;
    this.ctes.push(`answered AS (
      UPDATE idempotency_keys SET state = 'completed', response_status = ${this.param(answer.status)},
        response_text = ${this.param(JSON.stringify(answer.body), '::text')}, updated_at = ${updatedAt}
      WHERE team_id = ${this.param(answer.teamId)} AND key_hash = ${this.param(answer.keyHash)}
        AND EXISTS (SELECT 1 FROM row))`);
    return this;
  }

  sql(): string {
    const counts = this.referenced.map((name) => `(SELECT count(*) FROM ${name}) AS ${name}_n`);
    return `WITH ${this.ctes.join(',\n')}\nSELECT row.*${counts.map((c) => `, ${c}`).join('')} FROM row`;
  }

  /**
   * A CTE the final SELECT counts (as `${name}_n`): a SELECT-only one runs only when referenced,
   * and a write's caller may want to know whether it wrote.
   */
  counted(name: string, query: string): this {
    this.ctes.push(`${name} AS (${query})`);
    this.referenced.push(name);
    return this;
  }
}

/**
 * CTEs that record one outside input of the authentication named by the CTE `target` (its
 * `id`) in the timeline, at most `maxRows` rows of the event per authentication, and leave
 * the row written (if any) in `recorded`. The cap is a counter row per (authentication, event)
 * taken by an upsert whose condition PostgreSQL re-checks on the row's latest version after
 * waiting for a concurrent writer, so concurrent inputs take turns and never overshoot (a
 * count of the timeline would read each statement's own snapshot). An input already recorded
 * (same hash in `detail.input`, unique per event) neither counts nor adds a row. Arguments are
 * the placeholders of the statement's values.
 */
export const cappedInputCtes = (p: {
  event: string;
  source: string;
  detail: string;
  input: string;
  maxRows: string;
}): string => `counted AS (
    INSERT INTO authentication_input_counts AS c (authentication_id, event, recorded)
    SELECT target.id, ${p.event}, 1 FROM target
    WHERE ${p.maxRows} > 0 AND NOT EXISTS (
      SELECT 1 FROM authentication_events e
      WHERE e.authentication_id = target.id AND e.event = ${p.event}
        AND e.detail ? 'input' AND e.detail->>'input' = ${p.input})
    ON CONFLICT (authentication_id, event) DO UPDATE SET recorded = c.recorded + 1
      WHERE c.recorded < ${p.maxRows}
    RETURNING authentication_id
  ), recorded AS (
    INSERT INTO authentication_events (authentication_id, event, source, detail)
    SELECT authentication_id, ${p.event}, ${p.source}, ${p.detail}::jsonb FROM counted
    ON CONFLICT DO NOTHING RETURNING id
  )`;

/** The unique index that lets one step-up of an original in. */
export const STEP_UP_INDEX = 'UQ_authentications_stepped_up_from';

export const isViolationOf = (error: unknown, constraint: string): boolean =>
  (error as { code?: unknown }).code === '23505' &&
  (error as { constraint?: unknown }).constraint === constraint;

/**
 * CTEs of a step-up's insert: the original names its step-up, and `entry` goes in the original's
 * timeline. Its `updated_at` stays, as only transitions write it (the metrics read it as the
 * time the state was entered).
 */
export function linkOriginal(
  statement: RowStatement,
  originalId: string,
  entry?: { event: string; source: string; detail?: EventDetail },
): void {
  const original = statement.param(originalId, '::text');
  statement.with(
    'linked',
    `UPDATE authentications original SET stepped_up_to = row.id FROM row
     WHERE original.id = ${original}`,
  );
  if (!entry) return;
  statement.with(
    'original_timeline',
    `INSERT INTO authentication_events (authentication_id, event, source, detail)
     SELECT ${original}, ${statement.param(entry.event)}, ${statement.param(entry.source)},
            ${statement.param(entry.detail ?? null, '::jsonb')} FROM row`,
  );
}

/** Columns of the authentications table: database name, property, SQL cast, read transform. */
export interface ColumnMap {
  readonly byProperty: ReadonlyMap<string, { readonly column: string; readonly cast: string }>;
  /**
   * Every column by name, for SELECT and RETURNING: never `*`, so that a column added by a
   * migration while this release runs changes no prepared statement's result type.
   */
  readonly list: string;
  toEntity(row: Record<string, unknown>): AuthenticationEntity;
}

/** Built once from TypeORM's metadata, so raw rows read back exactly as the entity does. */
export function authenticationColumns(dataSource: DataSource): ColumnMap {
  const selected = dataSource.getMetadata(AuthenticationEntity).columns.filter((c) => c.isSelect);
  const columns = selected.map((column) => ({
    property: column.propertyName,
    column: column.databaseName,
    cast: `::${String(column.type)}`,
    from: (column.transformer as { from?: (value: unknown) => unknown } | undefined)?.from,
  }));
  return {
    byProperty: new Map(columns.map((c) => [c.property, { column: c.column, cast: c.cast }])),
    list: columns.map((c) => c.column).join(', '),
    toEntity(row) {
      const entity: Record<string, unknown> = {};
      for (const c of columns) {
        const value = row[c.column];
        entity[c.property] = c.from ? c.from(value) : value;
      }
      return Object.assign(new AuthenticationEntity(), entity);
    },
  };
}

type Rows = Record<string, unknown>[];

/** TypeORM's own pg pool, for statements TypeORM's query runner does not run as wanted. */
export const poolOf = (dataSource: DataSource): pg.Pool =>
  (dataSource.driver as unknown as { master: pg.Pool }).master;

/**
 * Runs hot statements as named prepared statements on TypeORM's own pg pool: each connection
 * parses and plans a statement once, and later runs send only its name and values. Names come
 * from the text, so a statement built with other columns is another prepared statement.
 */
export function preparedStatements(dataSource: DataSource) {
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (!name) {
      name = `authentications_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      names.set(text, name);
    }
    return name;
  };
  return async <T = Rows>(text: string, values: readonly unknown[]): Promise<T> => {
    const result = await poolOf(dataSource).query({
      name: nameOf(text),
      text,
      values: [...values],
    });
    return result.rows as T;
  };
}
