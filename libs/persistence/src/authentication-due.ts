import type { Followups, RowStatement } from './authentication.statements.js';
import type { JobSpec } from './jobs/job-queue.js';

/**
 * An authentication's own follow-up lives on its row (`due_at`, `due_task`, `due_payload`): one
 * per authentication, written by the statement that moves it, so a deadline costs no job row, no
 * queue function call and no NOTIFY. AuthenticationJobs claims due rows in batches.
 */

/** The time `msParam` (SQL, milliseconds) after the writing transaction's start, as jobs are due. */
export const msAfterNowSql = (msParam: string): string =>
  `now() + make_interval(secs => ${msParam}::float8 / 1000.0)`;

/** `due_at` of a follow-up due `runAfterMs` after the writing transaction's start. */
export const dueAtSql = (statement: RowStatement, job: JobSpec): string =>
  msAfterNowSql(statement.param(job.runAfterMs));

/** The assignments an UPDATE of the row makes for `followups` (none: what is due stays). */
export function dueAssignments(statement: RowStatement, followups: Followups): string[] {
  const { due, mootTasks } = followups;
  if (due) {
    return [
      `due_at = ${dueAtSql(statement, due)}`,
      `due_task = ${statement.param(due.task, '::text')}`,
      `due_payload = ${statement.param(due.payload, '::jsonb')}`,
    ];
  }
  if (!mootTasks?.length) return [];
  // Every assignment reads the row as it was, so each tests the old due_task.
  const moot = `due_task = ANY(${statement.param(mootTasks, '::text[]')})`;
  return ['due_at', 'due_task', 'due_payload'].map(
    (column) => `${column} = CASE WHEN ${moot} THEN NULL ELSE ${column} END`,
  );
}

/** The columns and values an INSERT of the row adds for its first follow-up. */
export function dueColumns(
  statement: RowStatement,
  followups: Followups,
): { name: string; value: string }[] {
  const { due } = followups;
  if (!due) return [];
  return [
    { name: 'due_at', value: dueAtSql(statement, due) },
    { name: 'due_task', value: statement.param(due.task, '::text') },
    { name: 'due_payload', value: statement.param(due.payload, '::jsonb') },
  ];
}
