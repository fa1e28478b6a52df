import { ChannelNotEnabledError, PROVIDER_CHANNELS, ThreeDsProvider } from '@app/domain';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Refuses a create on a channel the provider account is not enabled for: the provider would
 * refuse it after the authentication was recorded. A guard runs
 * before the Idempotency-Key is claimed and before anything is stored. Any other `channel`
 * value is left to body validation.
 */
@Injectable()
export class ChannelEnabledGuard implements CanActivate {
  constructor(private readonly provider: ThreeDsProvider) {}

  canActivate(context: ExecutionContext): boolean {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    const channel = (body as { channel?: unknown } | undefined)?.channel;
    const known = PROVIDER_CHANNELS.find((one) => one === channel);
    if (known && !this.provider.channels.includes(known)) {
      throw new ChannelNotEnabledError(known, this.provider.channels);
    }
    return true;
  }
}
