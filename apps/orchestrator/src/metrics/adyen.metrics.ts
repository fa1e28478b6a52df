import type { AdyenCallObserver, AdyenExchangeObservation } from '@app/adyen-client';
import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import type { WebhookResult } from './inbound.metrics.js';
import {
  adyenErrorType,
  CALL_SECONDS_BUCKETS,
  operationLabel,
  statusClass,
} from './metric-labels.js';

const WEBHOOK_RESULTS: readonly WebhookResult[] = ['accepted', 'duplicate', 'refused', 'ignored'];

/** Every HTTP exchange with Adyen (a re-sent create counts twice), as its client reports them. */
@Injectable()
export class AdyenMetrics implements AdyenCallObserver {
  private readonly duration: Histogram<'operation' | 'status_class'>;
  private readonly errors: Counter<'operation' | 'error_type'>;
  private readonly webhookItems: Counter<'result'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'threeds_adyen_request_duration_seconds',
      help: 'Adyen API calls by operation and HTTP status class (none: no answer)',
      labelNames: ['operation', 'status_class'],
      buckets: CALL_SECONDS_BUCKETS,
      registers: [registry],
    });
    this.errors = new Counter({
      name: 'threeds_adyen_request_errors_total',
      help: 'Adyen API calls that failed, by operation and why',
      labelNames: ['operation', 'error_type'],
      registers: [registry],
    });
    this.webhookItems = new Counter({
      name: 'threeds_adyen_webhook_items_received_total',
      help: "Items of Adyen's webhooks (POST /webhooks/adyen), by result; refused counts a batch",
      labelNames: ['result'],
      registers: [registry],
    });
    for (const result of WEBHOOK_RESULTS) this.webhookItems.inc({ result }, 0);
  }

  exchangeFinished(observation: AdyenExchangeObservation): void {
    const operation = operationLabel(observation.operation);
    this.duration.observe(
      { operation, status_class: statusClass(observation.status) },
      observation.seconds,
    );
    const errorType = adyenErrorType(observation);
    if (errorType) this.errors.inc({ operation, error_type: errorType });
  }

  webhookItemReceived(result: WebhookResult): void {
    this.webhookItems.inc({ result });
  }
}
