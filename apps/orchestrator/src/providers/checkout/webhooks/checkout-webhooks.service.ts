import {
  isKnownWebhookType,
  parseCheckoutWebhook,
  type CheckoutWebhookEvent,
} from '@app/checkout-client';
import { maskCardNumbersIn, WebhookSignatureInvalidError } from '@app/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { authorizationMatches } from '../../../common/authorization-header.js';
import { Failpoints } from '../../../common/failpoints.js';
import { eventsConfig, type EventsConfig } from '../../../config/events.config.js';
import { ProviderEvents } from '../../../flow/provider-events.service.js';
import type { ProviderEventSignal } from '../../../flow/signals.js';
import { parseJsonOrUndefined } from '../../../http/input-screening.js';
import { InboundMetrics } from '../../../metrics/inbound.metrics.js';
import { checkoutSignatureMatches } from './webhook-signature.js';

export interface ReceivedWebhook {
  readonly rawBody: Buffer;
  readonly signature: string | undefined;
  readonly authorization: string | undefined;
}

/**
 * Checkout's webhooks, verified and translated into the flow's neutral provider events; the
 * flow keeps each once and decides what follows (a job that re-reads the session). Everything
 * else is a no-op. A validly signed webhook is always answered 2xx: Checkout retries any other
 * answer for hours.
 */
@Injectable()
export class CheckoutWebhooksService {
  private readonly logger = new Logger(CheckoutWebhooksService.name);

  constructor(
    private readonly events: ProviderEvents,
    private readonly failpoints: Failpoints,
    @Inject(eventsConfig.KEY) private readonly config: EventsConfig,
    private readonly metrics: InboundMetrics,
  ) {}

  async receive(webhook: ReceivedWebhook): Promise<void> {
    this.verify(webhook);
    // Read only now, and never refused for what it holds: card numbers in any field are masked
    // before anything is stored, queued or logged (docs/card-data.md), so a masked id is no
    // longer one and the event is ignored.
    const body = parseJsonOrUndefined(webhook.rawBody);
    const event = body === undefined ? null : parseCheckoutWebhook(maskCardNumbersIn(body));
    // Signed by Checkout but not something we act on: answered 200, or Checkout retries it for
    // hours (and may disable the endpoint). An unparseable body is logged without its content.
    if (!event || !isKnownWebhookType(event.type) || !event.sessionId) {
      this.logger.log({
        msg: 'checkout webhook ignored',
        reason: body === undefined ? 'not_json' : 'not_acted_on',
        event_id: event?.id,
        type: event?.type,
      });
      this.metrics.webhookReceived('ignored');
      return;
    }
    const result = await this.events.received(signalOf(event, event.sessionId));
    this.metrics.webhookReceived(result);
    this.logger.log({
      msg: 'checkout webhook received',
      event_id: event.id,
      type: event.type,
      fresh: result === 'accepted',
    });
    this.failpoints.hit('providerEventReceived');
  }

  private verify(webhook: ReceivedWebhook): void {
    const { secrets, authorization } = this.config.checkoutWebhook;
    const signed = checkoutSignatureMatches(webhook.rawBody, webhook.signature, secrets);
    const authorized = !authorization || authorizationMatches(webhook.authorization, authorization);
    if (!signed || !authorized) {
      this.metrics.webhookReceived('refused');
      throw new WebhookSignatureInvalidError();
    }
  }
}

/** A Checkout event in the flow's words; `authentication_started` tells nothing to re-read for. */
function signalOf(event: CheckoutWebhookEvent, sessionId: string): ProviderEventSignal {
  return {
    provider: 'checkout',
    eventId: event.id,
    type: event.type,
    providerSessionId: sessionId,
    tellsNews: event.type !== 'authentication_started',
    reference: event.reference,
    amount: event.amount,
    currency: event.currency,
    occurredAt: event.createdOn ?? new Date(),
  };
}
