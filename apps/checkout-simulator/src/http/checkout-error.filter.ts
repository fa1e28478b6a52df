import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CheckoutError } from './checkout-error.js';
import { requestIdOf } from './request-id.js';

/**
 * Every error leaves the simulator in Checkout's shape. Nest's own HTTP exceptions (unknown
 * route, unparsable JSON) are translated too, so no response ever has Nest's error body.
 */
@Catch()
export class CheckoutErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(CheckoutErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const checkoutError = toCheckoutError(error);
    if (checkoutError.status >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    reply.header('cko-request-id', requestIdOf(request));
    if (checkoutError.status === 401) {
      void reply.status(401).send();
      return;
    }
    void reply.status(checkoutError.status).send({
      request_id: requestIdOf(request),
      error_type: checkoutError.errorType,
      error_codes: checkoutError.errorCodes,
    });
  }
}

function toCheckoutError(error: unknown): CheckoutError {
  if (error instanceof CheckoutError) {
    return error;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return new CheckoutError(404, 'not_found', ['resource_not_found']);
    if (status === 413) return CheckoutError.unprocessable(['request_too_large']);
    if (status < 500) return CheckoutError.unprocessable(['request_invalid']);
  }
  return new CheckoutError(500, 'internal_server_error', ['unknown_error']);
}
