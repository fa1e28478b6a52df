import { SimulatorClock } from '@app/simulator-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';
import { newSessionId } from '../sessions/identifiers.js';
import type { SimulatedSession } from '../sessions/simulated-session.js';
import { DeliveryFaults } from './delivery-faults.js';
import { postJson } from './post-json.js';
import { webhookData, type EndReason, type WebhookType } from './webhook-payload.js';

/**
 * Checkout's resend schedule after a failed attempt: 5 min … 12 h
 * (docs/checkout-sessions.md#webhooks).
 */
const RETRY_DELAYS_MINUTES = [5, 10, 15, 30, 60, 240, 720, 720];

export interface WebhookAttempt {
  readonly eventId: string;
  readonly type: WebhookType;
  readonly sessionId: string;
  readonly attempt: number;
  readonly status: number | undefined;
  readonly at: string;
}

interface Pending {
  readonly eventId: string;
  readonly type: WebhookType;
  readonly sessionId: string;
  readonly body: string;
}

/**
 * Checkout workflow webhooks: `Cko-Signature` = hex HMAC-SHA256 of the raw body, optional fixed
 * `Authorization`, at-least-once with retries on the (scalable) schedule, no ordering promise.
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);
  private attempts: WebhookAttempt[] = [];
  private held: Pending[] = [];

  constructor(
    private readonly clock: SimulatorClock,
    private readonly faults: DeliveryFaults,
    @Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig,
  ) {}

  get log(): readonly WebhookAttempt[] {
    return this.attempts;
  }

  emit(type: WebhookType, session: SimulatedSession, end?: EndReason): void {
    if (!this.config.webhook.url) return;
    const eventId = `evt_${newSessionId().slice(4)}`;
    const pending = {
      eventId,
      type,
      sessionId: session.id,
      body: JSON.stringify(this.payload(eventId, type, webhookData(type, session, end))),
    };
    const fault = this.faults.take('webhook', session.id);
    const released = this.held;
    this.held = [];
    let sent: Promise<void> = Promise.resolve();
    switch (fault?.mode) {
      case 'drop':
        break;
      case 'duplicate':
        sent = Promise.all([this.deliver(pending, 1), this.deliver(pending, 1)]).then(
          () => undefined,
        );
        break;
      case 'delay':
        this.clock.at(this.clock.now() + fault.delayMs, () => void this.deliver(pending, 1));
        break;
      case 'reorder':
        // Held until the next event has gone out (or the delay passes), so they arrive swapped.
        this.held.push(pending);
        this.clock.at(this.clock.now() + fault.delayMs, () => this.releaseHeld(pending));
        break;
      default:
        sent = this.deliver(pending, 1);
    }
    // Held (reordered) events go out once this one has been answered, so they arrive after it.
    void sent.then(() => released.forEach((event) => void this.deliver(event, 1)));
  }

  reset(): void {
    this.attempts = [];
    this.held = [];
  }

  private releaseHeld(event: Pending): void {
    if (this.held.includes(event)) {
      this.held = this.held.filter((candidate) => candidate !== event);
      void this.deliver(event, 1);
    }
  }

  private deliver(event: Pending, attempt: number): Promise<void> {
    const { url, secret, authorization } = this.config.webhook;
    const headers: Record<string, string> = {
      'cko-signature': createHmac('sha256', secret).update(event.body).digest('hex'),
      ...(authorization ? { authorization } : {}),
    };
    return postJson(url!, event.body, headers).then((status) => {
      this.attempts.push({
        ...event,
        attempt,
        status,
        at: this.clock.nowDate().toISOString(),
      });
      const delivered = status !== undefined && status >= 200 && status < 300;
      const delayMinutes = RETRY_DELAYS_MINUTES[attempt - 1];
      if (!delivered && delayMinutes !== undefined) {
        const delayMs = (delayMinutes * 60_000) / this.config.webhook.retryScale;
        this.logger.warn(
          `webhook ${event.eventId} attempt ${attempt} failed (${status ?? 'no answer'})`,
        );
        this.clock.at(this.clock.now() + delayMs, () => void this.deliver(event, attempt + 1));
      }
    });
  }

  private payload(eventId: string, type: WebhookType, data: object): object {
    return {
      id: eventId,
      type,
      version: '2.1.0',
      created_on: this.clock.nowDate().toISOString(),
      data,
      _links: { self: { href: `${this.config.publicUrl}/workflows/events/${eventId}` } },
    };
  }
}
