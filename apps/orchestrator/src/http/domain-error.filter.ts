import { DomainError, type ErrorCode } from '@app/domain';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** Exhaustive: a new ErrorCode without a status does not compile. */
const HTTP_STATUS: Record<ErrorCode, HttpStatus> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  AUTHENTICATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  ILLEGAL_TRANSITION: HttpStatus.CONFLICT,
  CONCURRENT_UPDATE: HttpStatus.CONFLICT,
  RESULT_NOT_READY: HttpStatus.CONFLICT,
  RESULT_NOT_AUTHORIZABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  IDEMPOTENCY_KEY_IN_USE: HttpStatus.CONFLICT,
  UPSTREAM_UNAVAILABLE: HttpStatus.BAD_GATEWAY,
  UPSTREAM_REJECTED_REQUEST: HttpStatus.UNPROCESSABLE_ENTITY,
  UPSTREAM_OUTCOME_UNKNOWN: HttpStatus.GATEWAY_TIMEOUT,
  CALLBACK_TOKEN_INVALID: HttpStatus.UNAUTHORIZED,
  WEBHOOK_SIGNATURE_INVALID: HttpStatus.UNAUTHORIZED,
};

/** The one mapping from domain failures to HTTP: `{error: {code, message, details}}`. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(error: DomainError, host: ArgumentsHost): void {
    const { status, body } = domainErrorResponse(error);
    if (status >= 500) {
      this.logger.warn({ msg: error.message, code: error.code, details: error.details });
    }
    void host.switchToHttp().getResponse<FastifyReply>().status(status).send(body);
  }
}

export function domainErrorResponse(error: DomainError): { status: number; body: object } {
  return {
    status: HTTP_STATUS[error.code],
    body: { error: { code: error.code, message: error.message, details: error.details } },
  };
}
