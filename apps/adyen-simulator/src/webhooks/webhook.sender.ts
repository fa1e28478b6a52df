import { SimulatorClock } from '@app/simulator-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SimulatedAuthentication } from '../authentications/simulated-authentication.js';
import {
  adyenSimulatorConfig,
  type AdyenSimulatorConfig,
} from '../config/adyen-simulator.config.js';
import { DeliveryFaults } from './delivery-faults.js';
import { authenticationItem, notificationEnvelope } from './notification.js';

/**
 * Adyen's schedule after a failed delivery: three retries 9 s apart, then 2 min … 8 h
 * (https://docs.adyen.com/development-resources/webhooks/troubleshoot, "Retry queue"); the
 * simulator stops after the last interval instead of going on for 30 days.
 */
const RETRY_DELAYS_SECONDS = [9, 9, 9, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800];
/** Adyen waits 10 seconds for the acknowledgement. */
const DELIVERY_TIMEOUT_MS = 10_000;

export interface WebhookAttempt {
  readonly pspReference: string;
  readonly eventCode: string;
  readonly success: string;
  readonly attempt: number;
  readonly status: number | undefined;
  readonly at: string;
}

interface Pending {
  readonly pspReference: string;
  readonly success: string;
  readonly body: string;
}

/**
 * Standard webhooks with an HMAC per item and optional HTTP Basic auth. A delivery is accepted
 * by any 2xx answer: Adyen's current rule; the `[accepted]` body is no longer required
 * (docs/adyen-simulator.md#webhooks).
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);
  private attempts: WebhookAttempt[] = [];

  constructor(
    private readonly clock: SimulatorClock,
    private readonly faults: DeliveryFaults,
    @Inject(adyenSimulatorConfig.KEY) private readonly config: AdyenSimulatorConfig,
  ) {}

  get log(): readonly WebhookAttempt[] {
    return this.attempts;
  }

  reset(): void {
    this.attempts = [];
  }

  emitAuthentication(authentication: SimulatedAuthentication): void {
    if (!this.config.webhook.url) return;
    const item = authenticationItem(
      authentication,
      this.clock.nowDate().toISOString(),
      this.config.webhook.hmacKey,
    );
    const pending = {
      pspReference: item.pspReference,
      success: item.success,
      body: JSON.stringify(notificationEnvelope(item)),
    };
    const fault = this.faults.take(item.pspReference);
    switch (fault?.mode) {
      case 'drop':
        return;
      case 'duplicate':
        void this.deliver(pending, 1);
        void this.deliver(pending, 1);
        return;
      case 'delay':
        this.clock.at(this.clock.now() + fault.delayMs, () => void this.deliver(pending, 1));
        return;
      default:
        void this.deliver(pending, 1);
    }
  }

  private async deliver(event: Pending, attempt: number): Promise<void> {
    const status = await this.post(event.body);
    this.attempts.push({
      pspReference: event.pspReference,
      eventCode: 'AUTHENTICATION',
      success: event.success,
      attempt,
      status,
      at: this.clock.nowDate().toISOString(),
    });
    const accepted = status !== undefined && status >= 200 && status < 300;
    const delaySeconds = RETRY_DELAYS_SECONDS[attempt - 1];
    if (!accepted && delaySeconds !== undefined) {
      this.logger.warn(
        `webhook ${event.pspReference} attempt ${attempt} failed (${status ?? 'no answer'})`,
      );
      const delayMs = (delaySeconds * 1000) / this.config.webhook.retryScale;
      this.clock.at(this.clock.now() + delayMs, () => void this.deliver(event, attempt + 1));
    }
  }

  private async post(body: string): Promise<number | undefined> {
    const { url, basicAuth } = this.config.webhook;
    const authorization = basicAuth
      ? `Basic ${Buffer.from(`${basicAuth.username}:${basicAuth.password}`).toString('base64')}`
      : undefined;
    try {
      const response = await fetch(url!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return undefined;
    }
  }
}
