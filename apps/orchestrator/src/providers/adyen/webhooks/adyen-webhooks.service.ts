import {
  adyenNotificationSigned,
  parseAdyenNotification,
  type AdyenNotificationItem,
} from '@app/adyen-client';
import { maskCardNumbersIn, WebhookSignatureInvalidError } from '@app/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { authorizationMatches, basicAuthorization } from '../../../common/authorization-header.js';
import { Failpoints } from '../../../common/failpoints.js';
import { adyenConfig, type AdyenConfig } from '../../../config/adyen.config.js';
import { ProviderEvents } from '../../../flow/provider-events.service.js';
import type { ProviderEventSignal } from '../../../flow/signals.js';
import { parseJsonOrUndefined } from '../../../http/input-screening.js';
import { AdyenMetrics } from '../../../metrics/adyen.metrics.js';

export interface ReceivedAdyenWebhook {
  readonly rawBody: Buffer;
  readonly authorization: string | undefined;
}

/** The one event code of a standalone authentication (docs/adyen-authentication.md#webhooks). */
const AUTHENTICATION = 'AUTHENTICATION';

/**
 * Adyen's standard webhooks: Basic auth, then every item's HMAC, before anything is kept; each
 * `AUTHENTICATION` item is translated into the flow's neutral provider event, which re-reads the
 * authentication (its `additionalData` is not trusted for the result). Other event codes are
 * answered and ignored: Adyen retries anything but a 2xx.
 */
@Injectable()
export class AdyenWebhooksService {
  private readonly logger = new Logger(AdyenWebhooksService.name);

  constructor(
    private readonly events: ProviderEvents,
    private readonly failpoints: Failpoints,
    @Inject(adyenConfig.KEY) private readonly config: AdyenConfig,
    private readonly metrics: AdyenMetrics,
  ) {}

  async receive(webhook: ReceivedAdyenWebhook): Promise<void> {
    const items = this.verified(webhook);
    for (const item of items) {
      if (item.eventCode !== AUTHENTICATION) {
        this.logger.log({
          msg: 'adyen webhook item ignored',
          event_code: maskCardNumbersIn(item.eventCode.slice(0, 50)),
        });
        this.metrics.webhookItemReceived('ignored');
        continue;
      }
      const signal = signalOf(item);
      const result = await this.events.received(signal);
      this.metrics.webhookItemReceived(result);
      this.logger.log({
        msg: 'adyen webhook item received',
        event_id: signal.eventId,
        fresh: result === 'accepted',
      });
      this.failpoints.hit('providerEventReceived');
    }
  }

  /** Every item, once the Basic auth and each item's HMAC hold; else nothing is kept (401). */
  private verified(webhook: ReceivedAdyenWebhook): readonly AdyenNotificationItem[] {
    const { webhookUsername, webhookPassword, hmacKeys } = this.config;
    const authorized =
      webhookUsername === undefined ||
      authorizationMatches(
        webhook.authorization,
        basicAuthorization(webhookUsername, webhookPassword ?? ''),
      );
    const items = parseAdyenNotification(parseJsonOrUndefined(webhook.rawBody));
    const signed = items?.every((item) => adyenNotificationSigned(item, hmacKeys)) ?? false;
    if (!authorized || !items || !signed) {
      this.metrics.webhookItemReceived('refused');
      throw new WebhookSignatureInvalidError();
    }
    return items;
  }
}

/**
 * An `AUTHENTICATION` item in the flow's words; its id is the same on each of Adyen's retries.
 * Verified on the fields as signed, its texts are masked only now, before anything is kept or
 * logged (docs/card-data.md).
 */
function signalOf(item: AdyenNotificationItem): ProviderEventSignal {
  const { pspReference, merchantReference, success } = maskCardNumbersIn({
    pspReference: item.pspReference,
    merchantReference: item.merchantReference,
    success: item.success,
  });
  return {
    provider: 'adyen',
    eventId: `${pspReference}:${AUTHENTICATION}:${success}`.slice(0, 200),
    type: AUTHENTICATION,
    providerSessionId: pspReference,
    tellsNews: true,
    reference: merchantReference,
    amount: item.amount.value,
    currency: item.amount.currency,
    occurredAt: item.eventDate ?? new Date(),
  };
}
