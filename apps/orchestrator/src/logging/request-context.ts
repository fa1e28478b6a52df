import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { REQUEST_ID_KEY } from './pino-http.options.js';

/** What is known of the request being handled, wherever the code runs inside it. */
@Injectable()
export class RequestContext {
  constructor(private readonly logger: PinoLogger) {}

  /**
   * Its X-Request-Id, read from the request logger nestjs-pino keeps in AsyncLocalStorage;
   * undefined outside a request (jobs, start-up).
   */
  requestId(): string | undefined {
    const id: unknown = this.logger.logger.bindings()[REQUEST_ID_KEY];
    return typeof id === 'string' ? id : undefined;
  }
}
