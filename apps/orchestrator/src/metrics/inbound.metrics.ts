import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** accepted: new and acted on; duplicate: seen before (or over the per-authentication limit). */
export type CallbackResult = 'accepted' | 'duplicate' | 'refused';
/** ignored: signed, but not an event we act on (answered 200 all the same). */
export type WebhookResult = CallbackResult | 'ignored';

const CALLBACK_RESULTS: readonly CallbackResult[] = ['accepted', 'duplicate', 'refused'];
const WEBHOOK_RESULTS: readonly WebhookResult[] = [...CALLBACK_RESULTS, 'ignored'];

/** What Checkout sends us unasked: the callback to `callback_url` and the signed webhooks. */
@Injectable()
export class InboundMetrics {
  private readonly callbacks: Counter<'result'>;
  private readonly webhooks: Counter<'result'>;

  constructor(registry: Registry) {
    this.callbacks = new Counter({
      name: 'threeds_checkout_callbacks_received_total',
      help: "Checkout's POSTs to an authentication's callback_url, by result",
      labelNames: ['result'],
      registers: [registry],
    });
    this.webhooks = new Counter({
      name: 'threeds_checkout_webhooks_received_total',
      help: "Checkout's workflow webhooks (POST /webhooks/checkout), by result",
      labelNames: ['result'],
      registers: [registry],
    });
    for (const result of CALLBACK_RESULTS) this.callbacks.inc({ result }, 0);
    for (const result of WEBHOOK_RESULTS) this.webhooks.inc({ result }, 0);
  }

  callbackReceived(result: CallbackResult): void {
    this.callbacks.inc({ result });
  }

  webhookReceived(result: WebhookResult): void {
    this.webhooks.inc({ result });
  }
}
