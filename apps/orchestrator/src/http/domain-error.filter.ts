import { DomainError, RateLimitedError, UpstreamBusyError, type ErrorCode } from '@app/domain';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { withRequestId } from './request-id.js';

/** Exhaustive: a new ErrorCode without a status does not compile. */
const HTTP_STATUS: Record<ErrorCode, HttpStatus> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  MALFORMED_BODY: HttpStatus.BAD_REQUEST,
  BODY_TOO_DEEP: HttpStatus.BAD_REQUEST,
  INVALID_CHARACTERS: HttpStatus.BAD_REQUEST,
  CARD_DATA_NOT_ALLOWED: HttpStatus.BAD_REQUEST,
  AUTHENTICATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  ILLEGAL_TRANSITION: HttpStatus.CONFLICT,
  CONCURRENT_UPDATE: HttpStatus.CONFLICT,
  RESULT_NOT_READY: HttpStatus.CONFLICT,
  RESULT_NOT_AUTHORIZABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  IDEMPOTENCY_KEY_IN_USE: HttpStatus.CONFLICT,
  UPSTREAM_UNAVAILABLE: HttpStatus.BAD_GATEWAY,
  UPSTREAM_BUSY: HttpStatus.SERVICE_UNAVAILABLE,
  UPSTREAM_REJECTED_REQUEST: HttpStatus.UNPROCESSABLE_ENTITY,
  UPSTREAM_OUTCOME_UNKNOWN: HttpStatus.GATEWAY_TIMEOUT,
  CALLBACK_TOKEN_INVALID: HttpStatus.UNAUTHORIZED,
  WEBHOOK_SIGNATURE_INVALID: HttpStatus.UNAUTHORIZED,
  ENDPOINT_NOT_FOUND: HttpStatus.NOT_FOUND,
  ENDPOINT_URL_NOT_ALLOWED: HttpStatus.UNPROCESSABLE_ENTITY,
  ENDPOINT_LIMIT_REACHED: HttpStatus.CONFLICT,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  EVENT_NOT_FOUND: HttpStatus.NOT_FOUND,
};

/** When Checkout gave no Retry-After, callers are told to wait this long before retrying. */
const DEFAULT_RETRY_AFTER_SECONDS = 2;

/** The one mapping from domain failures to HTTP: `{error: {code, message, details}}`. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(error: DomainError, host: ArgumentsHost): void {
    const { status, body } = domainErrorResponse(error);
    if (status >= 500) {
      this.logger.warn({ msg: error.message, code: error.code, details: error.details });
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    void reply.status(status).send(withRequestId(body, host.switchToHttp().getRequest()));
  }
}

/** Seconds a caller should wait: our rate limit, or Checkout's own advice passed on. */
export function retryAfterOf(error: DomainError): number | undefined {
  if (error instanceof RateLimitedError) return Math.max(1, error.retryAfterSeconds);
  if (!(error instanceof UpstreamBusyError)) return undefined;
  return Math.max(1, error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
}

export function domainErrorResponse(error: DomainError): { status: number; body: object } {
  return {
    status: HTTP_STATUS[error.code],
    body: { error: { code: error.code, message: error.message, details: error.details } },
  };
}
