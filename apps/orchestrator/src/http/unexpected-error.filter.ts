import { DatabaseUnavailableError } from '@app/domain';
import { databaseFailureReason } from '@app/persistence';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendDomainError } from './domain-error.filter.js';
import type { ApiErrorCode } from './error-catalogue.js';

/** How long callers are told to wait while PostgreSQL is away (a restart takes seconds). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Whatever no other filter knows: 500 in the documented shape with the request id, and one log
 * line naming the error's class and code (a database error's message can quote SQL or values,
 * so neither it nor the stack is logged or sent). A connection-level database failure is not
 * ours to apologise for but the database's absence: 503 `DATABASE_UNAVAILABLE` with
 * `Retry-After` (docs/design.md#database-outages).
 */
@Catch()
export class UnexpectedErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('UnexpectedError');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const route = `${request.method} ${request.routeOptions.url ?? '(no route)'}`;
    const unavailable = databaseFailureReason(error);
    if (unavailable) {
      this.logger.warn({ msg: 'database unavailable', route, reason: unavailable });
      return sendDomainError(new DatabaseUnavailableError(DATABASE_RETRY_AFTER_SECONDS), host);
    }
    const name = error instanceof Error ? error.constructor.name : typeof error;
    const code = (error as { code?: unknown } | null)?.code;
    this.logger.error({
      msg: 'unexpected error',
      route,
      error: name,
      code: typeof code === 'string' ? code : undefined,
    });
    void http
      .getResponse<FastifyReply>()
      .status(500)
      .send({
        error: {
          code: 'INTERNAL_ERROR' satisfies ApiErrorCode,
          message:
            'Something went wrong on our side; retry, and quote the request id if it persists',
          details: {},
          request_id: request.id,
        },
      });
  }
}
