import { ProcessingChannelNotAllowedError } from '@app/domain';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { checkoutConfig, type CheckoutConfig } from '../config/checkout.config.js';
import { allowedProcessingChannels, PROCESSING_CHANNEL_ID } from '../config/checkout-channels.js';
import type { TeamRequest } from '../http/api-key.guard.js';

/**
 * A team creates only on its own processing channels (TEAM_PROCESSING_CHANNELS, else
 * CHECKOUT_PROCESSING_CHANNEL_ID): another team's would be billed and settled as theirs. Runs
 * after the API key guard and, like ChannelEnabledGuard, before the Idempotency-Key is claimed
 * and anything is stored or sent. A value that is no processing channel id at all is left to
 * body validation.
 */
@Injectable()
export class ProcessingChannelGuard implements CanActivate {
  constructor(@Inject(checkoutConfig.KEY) private readonly config: CheckoutConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<TeamRequest>();
    const requested = (request.body as { processing_channel_id?: unknown } | undefined)
      ?.processing_channel_id;
    if (typeof requested !== 'string' || !PROCESSING_CHANNEL_ID.test(requested)) return true;
    const allowed = allowedProcessingChannels(request.team!, this.config.processingChannels);
    if (!allowed.includes(requested)) throw new ProcessingChannelNotAllowedError();
    return true;
  }
}
