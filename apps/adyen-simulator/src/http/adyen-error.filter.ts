import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdyenError } from './adyen-error.js';

/**
 * Every error leaves the simulator as a `ServiceError`, Nest's own (unknown route, unparsable
 * JSON) included, so a client never meets a body Adyen would not send.
 */
@Catch()
export class AdyenErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(AdyenErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const adyenError = toAdyenError(error);
    if (adyenError.status >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    void reply.status(adyenError.status).send(adyenError.body());
  }
}

function toAdyenError(error: unknown): AdyenError {
  if (error instanceof AdyenError) return error;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return AdyenError.notFound();
    if (status < 500) return new AdyenError(400, '702', 'Unexpected input', 'validation');
  }
  return AdyenError.internal();
}
