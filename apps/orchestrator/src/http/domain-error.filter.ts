import {
  DatabaseUnavailableError,
  DomainError,
  ProviderCircuitOpenError,
  RateLimitedError,
  UpstreamBusyError,
} from '@app/domain';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { statusOf } from './error-catalogue.js';
import { withRequestId } from './request-id.js';

/** When Checkout gave no Retry-After, callers are told to wait this long before retrying. */
const DEFAULT_RETRY_AFTER_SECONDS = 2;

/** Domain failures as HTTP: `{error: {code, message, details}}`, statuses from the catalogue. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(error: DomainError, host: ArgumentsHost): void {
    if (statusOf(error.code) >= 500) {
      this.logger.warn({ msg: error.message, code: error.code, details: error.details });
    }
    sendDomainError(error, host);
  }
}

/** The catalogue's status, `Retry-After` when the error advises one, the body with its request id. */
export function sendDomainError(error: DomainError, host: ArgumentsHost): void {
  const { status, body } = domainErrorResponse(error);
  const reply = host.switchToHttp().getResponse<FastifyReply>();
  const retryAfter = retryAfterOf(error);
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  void reply.status(status).send(withRequestId(body, host.switchToHttp().getRequest()));
}

/**
 * Seconds a caller should wait: our rate limit, database or a provider's open circuit, or
 * Checkout's advice passed on.
 */
export function retryAfterOf(error: DomainError): number | undefined {
  if (
    error instanceof RateLimitedError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof ProviderCircuitOpenError
  ) {
    return Math.max(1, error.retryAfterSeconds);
  }
  if (!(error instanceof UpstreamBusyError)) return undefined;
  return Math.max(1, error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
}

export function domainErrorResponse(error: DomainError): { status: number; body: object } {
  return {
    status: statusOf(error.code),
    body: { error: { code: error.code, message: error.message, details: error.details } },
  };
}
