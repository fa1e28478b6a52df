import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorCode } from './error-catalogue.js';

/**
 * Whatever no other filter knows: 500 in the documented shape with the request id, and one log
 * line naming the error's class and code (a database error's message can quote SQL or values,
 * so neither it nor the stack is logged or sent).
 */
@Catch()
export class UnexpectedErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('UnexpectedError');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const name = error instanceof Error ? error.constructor.name : typeof error;
    const code = (error as { code?: unknown } | null)?.code;
    this.logger.error({
      msg: 'unexpected error',
      route: `${request.method} ${request.routeOptions.url ?? '(no route)'}`,
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
