import { SESSION_CHANNELS } from '@app/checkout-client';
import { ChannelNotEnabledError } from '@app/domain';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { checkoutConfig, type CheckoutConfig } from '../config/checkout.config.js';

/**
 * Refuses a create on a channel that is not enabled (CHECKOUT_CHANNELS): its token would lack
 * the scope, so Checkout would refuse it after the authentication was recorded. A guard runs
 * before the Idempotency-Key is claimed and before anything is stored. Any other `channel`
 * value is left to body validation.
 */
@Injectable()
export class ChannelEnabledGuard implements CanActivate {
  constructor(@Inject(checkoutConfig.KEY) private readonly config: CheckoutConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    const channel = (body as { channel?: unknown } | undefined)?.channel;
    const known = SESSION_CHANNELS.find((one) => one === channel);
    if (known && !this.config.channels.includes(known)) {
      throw new ChannelNotEnabledError(known, this.config.channels);
    }
    return true;
  }
}
