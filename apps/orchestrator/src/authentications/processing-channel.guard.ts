import { ProcessingChannelNotAllowedError, ThreeDsProviders } from '@app/domain';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { TeamRequest } from '../http/api-key.guard.js';
import { PROCESSING_CHANNEL_ID } from './dto/create-authentication.request.dto.js';

/**
 * A team creates only on its own processing channels (the provider account's, as configured per
 * team): another team's would be billed and settled as theirs. Runs
 * after the API key guard and, like ChannelEnabledGuard, before the Idempotency-Key is claimed
 * and anything is stored or sent. A value that is no processing channel id at all is left to
 * body validation. The accounts are THREEDS_PROVIDER's.
 */
@Injectable()
export class ProcessingChannelGuard implements CanActivate {
  constructor(private readonly providers: ThreeDsProviders) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<TeamRequest>();
    const requested = (request.body as { processing_channel_id?: unknown } | undefined)
      ?.processing_channel_id;
    if (typeof requested !== 'string' || !PROCESSING_CHANNEL_ID.test(requested)) return true;
    const provider = this.providers.of(this.providers.defaultName);
    if (!provider.processingChannelsOf(request.team!).includes(requested))
      throw new ProcessingChannelNotAllowedError();
    return true;
  }
}
