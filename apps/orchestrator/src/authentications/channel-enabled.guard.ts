import { ChannelNotEnabledError, PROVIDER_CHANNELS, ThreeDsProviders } from '@app/domain';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Refuses a create on a channel the provider account is not enabled for: the provider would
 * refuse it after the authentication was recorded. A guard runs
 * before the Idempotency-Key is claimed and before anything is stored. Any other `channel`
 * value is left to body validation. The account asked is THREEDS_PROVIDER's; what a routed
 * provider can do is routing's to check (docs/routing.md#capabilities).
 */
@Injectable()
export class ChannelEnabledGuard implements CanActivate {
  constructor(private readonly providers: ThreeDsProviders) {}

  canActivate(context: ExecutionContext): boolean {
    const provider = this.providers.of(this.providers.defaultName);
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    const channel = (body as { channel?: unknown } | undefined)?.channel;
    const known = PROVIDER_CHANNELS.find((one) => one === channel);
    if (known && !provider.channels.includes(known)) {
      throw new ChannelNotEnabledError(known, provider.channels);
    }
    return true;
  }
}
