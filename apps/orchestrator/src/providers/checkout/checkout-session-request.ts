import type { CheckoutCompletion, CheckoutCreateSessionRequest } from '@app/checkout-client';
import type { SessionRequest } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { checkoutConfig, type CheckoutConfig } from '../../config/checkout.config.js';
import {
  allowedProcessingChannels,
  type ProcessingChannels,
} from '../../config/checkout-channels.js';

/**
 * `processing_channel_id`: the request's own (ProcessingChannelGuard let only the team's
 * through), else the team's default, else the service's, else none (Checkout then uses the one
 * the API key is bound to, or refuses the request).
 */
export function processingChannelFor(
  team: string,
  requested: string | undefined,
  channels: ProcessingChannels,
): string | undefined {
  return requested ?? allowedProcessingChannels(team, channels)[0];
}

/**
 * The body of Checkout's `POST /sessions` for a session request. Every other field goes as the
 * team sent it: the API (and so the domain's SessionRequest) uses Checkout's names, nesting and
 * constraints, so nothing needs renaming and nothing Checkout would refuse for its shape gets
 * this far.
 */
export function checkoutSessionRequest(
  team: string,
  request: SessionRequest,
  completion: CheckoutCompletion,
  channels: ProcessingChannels,
): CheckoutCreateSessionRequest {
  // `channel` is ours: Checkout reads the channel from `channel_data`. `hosted` holds the
  // team's pages; Checkout gets ours, in `completion`.
  const {
    channel: _channel,
    hosted: _hosted,
    channel_data,
    processing_channel_id,
    ...passThrough
  } = request;
  const processingChannel = processingChannelFor(team, processing_channel_id, channels);
  return {
    ...passThrough,
    ...(processingChannel ? { processing_channel_id: processingChannel } : {}),
    completion,
    ...(channel_data ? { channel_data } : {}),
  };
}

/** checkoutSessionRequest with the configured processing channels. */
@Injectable()
export class CheckoutSessionRequests {
  constructor(@Inject(checkoutConfig.KEY) private readonly config: CheckoutConfig) {}

  build(
    team: string,
    request: SessionRequest,
    completion: CheckoutCompletion,
  ): CheckoutCreateSessionRequest {
    return checkoutSessionRequest(team, request, completion, this.config.processingChannels);
  }
}
