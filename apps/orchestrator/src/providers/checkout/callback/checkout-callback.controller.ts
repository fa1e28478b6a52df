import { CallbackTokenInvalidError } from '@app/domain';
import { Controller, HttpCode, Param, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { OutsideInputs } from '../../../flow/outside-inputs.service.js';
import { callbackRoute } from '../../../flow/return-urls.js';
import { isAuthenticationId } from '../../../http/id.pipe.js';
import { parseJsonOrUndefined } from '../../../http/input-screening.js';
import { InboundMetrics } from '../../../metrics/inbound.metrics.js';
import { CheckoutCallbackApi } from './checkout-callback.api-docs.js';

/** Statuses a callback body may hint at; anything else is recorded as `other`. */
const KNOWN_STATUSES = [
  'approved',
  'attempted',
  'declined',
  'rejected',
  'unavailable',
  'challenge_abandoned',
  'expired',
];

/**
 * Checkout's POST to the callback_url we gave it (after `complete`): authenticated by the token
 * in its URL (Checkout signs no callback), never refused for its body, read leniently for a
 * status hint and handed to the flow, which re-reads the session.
 */
@Controller()
@ApiTags('checkout')
export class CheckoutCallbackController {
  constructor(
    private readonly inputs: OutsideInputs,
    private readonly metrics: InboundMetrics,
  ) {}

  @Post(callbackRoute('checkout'))
  @HttpCode(200)
  @CheckoutCallbackApi.callback()
  async callback(
    @Param('id') id: string,
    @Param('token') token: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ) {
    const body = request.rawBody ?? Buffer.alloc(0);
    const hinted = (parseJsonOrUndefined(body) as { status?: unknown } | undefined)?.status;
    const disposition = isAuthenticationId(id)
      ? await this.inputs.callbackReceived({
          provider: 'checkout',
          authenticationId: id,
          token,
          hintedStatus:
            typeof hinted === 'string' && KNOWN_STATUSES.includes(hinted) ? hinted : 'other',
          body,
        })
      : 'refused';
    this.metrics.callbackReceived(disposition);
    if (disposition === 'refused') throw new CallbackTokenInvalidError();
    return { received: true };
  }
}
