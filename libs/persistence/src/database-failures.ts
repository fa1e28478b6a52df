/**
 * Why the database could not be used, in words safe to show (no host, user or SQL): the failure
 * is the connection's, not the query's, so the same request can succeed once PostgreSQL is back.
 */
export const DATABASE_FAILURE_REASONS = [
  'connection refused',
  'connection lost',
  'timeout',
  'host unreachable',
  'not accepting connections',
  'too many connections',
  'connection failure',
] as const;
export type DatabaseFailureReason = (typeof DATABASE_FAILURE_REASONS)[number];

/** Node's socket errors (`error.code`) that mean PostgreSQL cannot be reached. */
const SOCKET_ERRORS: Record<string, DatabaseFailureReason> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection lost',
  EPIPE: 'connection lost',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'host unreachable',
  ENOTFOUND: 'host unreachable',
  EAI_AGAIN: 'host unreachable',
};

/**
 * PostgreSQL's SQLSTATEs that end or refuse the connection itself (Appendix A of its manual);
 * class 08 is matched by prefix. A query's own failure (constraint, syntax, serialization) is
 * never among them.
 */
const SQLSTATES: Record<string, DatabaseFailureReason> = {
  '57P01': 'connection lost', // admin_shutdown: the server is stopping
  '57P02': 'connection lost', // crash_shutdown
  '57P03': 'not accepting connections', // cannot_connect_now: starting up, in recovery
  '57P05': 'connection lost', // idle_session_timeout
  '53300': 'too many connections',
};

/** node-postgres and pg-pool say these in words only (no code). */
const MESSAGES: [RegExp, DatabaseFailureReason][] = [
  [/^timeout exceeded when trying to connect/i, 'timeout'],
  [/^Connection terminated due to connection timeout/i, 'timeout'],
  [/^Connection terminated/i, 'connection lost'],
  [/is not queryable$/i, 'connection lost'],
];

/**
 * The one place that tells a connection-level database failure from any other error: the
 * reason, or undefined when the error is not one (a query or constraint error, a bug). Looks
 * through TypeORM's `driverError`, `cause` and AggregateError (every inner error must be one).
 */
export function databaseFailureReason(
  error: unknown,
  depth = 0,
): DatabaseFailureReason | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const { code, message, driverError, cause, errors } = error as Record<string, unknown>;
  if (typeof code === 'string') {
    const known = SOCKET_ERRORS[code] ?? SQLSTATES[code];
    if (known) return known;
    if (/^08[0-9A-Z]{3}$/.test(code)) return 'connection failure';
  }
  if (typeof message === 'string') {
    const match = MESSAGES.find(([pattern]) => pattern.test(message));
    if (match) return match[1];
  }
  if (Array.isArray(errors) && errors.length > 0) {
    const reasons = errors.map((inner) => databaseFailureReason(inner, depth + 1));
    return reasons.every(Boolean) ? reasons[0] : undefined;
  }
  return databaseFailureReason(driverError ?? cause, depth + 1);
}

export const isDatabaseUnavailable = (error: unknown): boolean =>
  databaseFailureReason(error) !== undefined;
