import { DomainError } from './errors.js';

/**
 * Our own database cannot be reached (stopped, restarting, out of connections): nothing of the
 * request was kept, or what was kept is resumed by a retry with the same Idempotency-Key. The
 * API answers 503 with `Retry-After` (docs/design.md#database-outages).
 */
export class DatabaseUnavailableError extends DomainError {
  readonly code = 'DATABASE_UNAVAILABLE';

  constructor(readonly retryAfterSeconds: number) {
    super('The database is unavailable; retry later', {
      retry_after_seconds: retryAfterSeconds,
    });
  }
}
