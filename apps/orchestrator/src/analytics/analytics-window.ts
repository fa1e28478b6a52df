import { InvalidRequestError } from '@app/domain';

const HOUR_MS = 3_600_000;

/** What a summary covers when the caller names no start. */
export const DEFAULT_WINDOW_MS = 24 * HOUR_MS;

/** At most a month: one statement reads the window's rows, so its cost stays bounded. */
export const MAX_WINDOW_MS = 31 * 24 * HOUR_MS;

/** Authentications created from `from` (inclusive) to `to` (exclusive). */
export interface AnalyticsWindow {
  readonly from: Date;
  readonly to: Date;
}

/**
 * The window a query asks for: `to` defaults to now, `from` to 24 hours before `to`. Refused
 * (400 VALIDATION_FAILED) when a date cannot be read, `from` is not before `to`, or the window
 * is longer than 31 days.
 */
export function analyticsWindow(
  query: { readonly from?: string; readonly to?: string },
  now: Date,
): AnalyticsWindow {
  const to = query.to === undefined ? now : dateOf('to', query.to);
  const from =
    query.from === undefined
      ? new Date(to.getTime() - DEFAULT_WINDOW_MS)
      : dateOf('from', query.from);
  if (from.getTime() >= to.getTime()) throw new InvalidRequestError('from', 'must be before to');
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS) {
    throw new InvalidRequestError('to', 'must be at most 31 days after from');
  }
  return { from, to };
}

/**
 * ISO 8601 allows forms a JavaScript date reads as invalid (week dates, signed years); a plain
 * four-digit year from 2000 on is one JavaScript and PostgreSQL read alike (no era, no BC).
 */
function dateOf(param: string, text: string): Date {
  const date = new Date(text);
  const year = date.getUTCFullYear();
  if (!(year >= 2000 && year <= 9999)) {
    throw new InvalidRequestError(
      param,
      'must be an ISO 8601 date and time from 2000 to 9999, such as 2025-02-14T09:30:00Z',
    );
  }
  return date;
}
