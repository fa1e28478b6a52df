import { databaseFailureReason } from '@app/persistence';
import type { LoggerService } from '@nestjs/common';

/** What a process-wide handler needs of `process`: its events and its exit. */
export interface ProcessLike {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  exit(code: number): never;
}

/**
 * The last line of defence, for what escaped every handler (docs/design.md#database-outages):
 * - a rejected promise nobody awaited whose reason is a lost database connection is logged and
 *   the process goes on: the operation it belonged to failed as a whole (each move is one
 *   transaction, each job is released and run again), and nothing in memory was left half-done
 *   by it; libraries that fire and forget (graphile-worker's job bookkeeping) produce these;
 * - any other unhandled rejection, and every uncaught exception, is a bug whose effect on this
 *   process's memory nobody knows (an exception unwinds through code that did not expect it):
 *   one line, then exit 1. The process is crash-safe by design, so a supervisor's restart loses
 *   only the requests in flight, while a process that went on could answer wrongly for hours.
 */
export function installLastResortHandlers(target: ProcessLike, logger: LoggerService): void {
  target.on('unhandledRejection', (reason) => {
    const database = databaseFailureReason(reason);
    if (database) {
      logger.warn({ msg: 'unhandled database failure; continuing', reason: database });
      return;
    }
    logger.error({ msg: 'unhandled rejection; exiting', ...described(reason) });
    target.exit(1);
  });
  target.on('uncaughtException', (error) => {
    logger.error({ msg: 'uncaught exception; exiting', ...described(error) });
    target.exit(1);
  });
}

/**
 * Class, code and where it was thrown; never the message, which can quote SQL or values (the
 * stack's first line is the message).
 */
function described(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    error: error.constructor.name,
    code: typeof code === 'string' ? code : undefined,
    at: error.stack?.split('\n').slice(1, 6).join('\n'),
  };
}
