import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import {
  adyenSimulatorConfig,
  type AdyenSimulatorConfig,
} from '../config/adyen-simulator.config.js';
import { AdyenError } from './adyen-error.js';

/**
 * `X-API-Key` on every Checkout and Payment API call (docs/adyen-authentication.md#authentication).
 * The Basic-auth web service user the library falls back to is not simulated: it gets 401 too.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(adyenSimulatorConfig.KEY) private readonly config: AdyenSimulatorConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const sent = context.switchToHttp().getRequest<FastifyRequest>().headers['x-api-key'];
    const expected = Buffer.from(this.config.apiKey);
    const given = Buffer.from(typeof sent === 'string' ? sent : '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw AdyenError.unauthorized();
    }
    return true;
  }
}
