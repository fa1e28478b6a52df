/**
 * The one SQL spelling of a job, whoever writes it: `graphile_worker.add_jobs` (the queue's
 * public SQL API, which also NOTIFYs idle workers, so a due job starts within milliseconds) over
 * the rows `rows` selects, each with the columns `task`, `payload` (json), `run_after_ms` (due this
 * long after the transaction's start), `max_attempts` (null: the queue's 25) and `key` (null: none;
 * else it replaces the pending job of that key). `add_job` is this with one row.
 */
export function addJobsSql(rows: string): string {
  return `graphile_worker.add_jobs(ARRAY(
    SELECT ROW(j.task, j.payload, NULL, now() + make_interval(secs => j.run_after_ms / 1000.0),
               j.max_attempts, j.key, NULL, NULL)::graphile_worker.job_spec
    FROM (${rows}) AS j))`;
}

/** Job rows from a JSON array parameter written by `jobRowsJson`. */
export const jsonJobRows = (param: string): string =>
  `SELECT * FROM json_to_recordset(${param}::json)
     AS r(task text, payload json, run_after_ms float8, max_attempts int, key text)`;

/** The job key `<prefix>:<id>` as SQL, for rows that name their jobs from a column. */
export const jobKeySql = (prefix: string, idExpression: string): string =>
  `'${prefix}:' || ${idExpression}`;
