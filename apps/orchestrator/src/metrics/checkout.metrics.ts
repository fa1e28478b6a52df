import type { CheckoutCallObserver, CheckoutExchangeObservation } from '@app/checkout-client';
import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import {
  CALL_SECONDS_BUCKETS,
  checkoutErrorType,
  operationLabel,
  statusClass,
} from './metric-labels.js';

/**
 * Every HTTP exchange with Checkout (retries and 401 re-sends each count) and every OAuth token
 * request, as the Checkout client reports them through its observer.
 */
@Injectable()
export class CheckoutMetrics implements CheckoutCallObserver {
  private readonly duration: Histogram<'operation' | 'status_class'>;
  private readonly errors: Counter<'operation' | 'error_type'>;
  private readonly tokenRequests: Counter<'result'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'threeds_checkout_request_duration_seconds',
      help: 'Checkout API calls by operation and HTTP status class (none: no answer)',
      labelNames: ['operation', 'status_class'],
      buckets: CALL_SECONDS_BUCKETS,
      registers: [registry],
    });
    this.errors = new Counter({
      name: 'threeds_checkout_request_errors_total',
      help: 'Checkout API calls that failed, by operation and why',
      labelNames: ['operation', 'error_type'],
      registers: [registry],
    });
    this.tokenRequests = new Counter({
      name: 'threeds_checkout_token_refreshes_total',
      help: 'OAuth client-credentials token requests to Checkout, by result',
      labelNames: ['result'],
      registers: [registry],
    });
    for (const result of ['success', 'failure']) this.tokenRequests.inc({ result }, 0);
  }

  exchangeFinished(observation: CheckoutExchangeObservation): void {
    const operation = operationLabel(observation.operation);
    this.duration.observe(
      { operation, status_class: statusClass(observation.status) },
      observation.seconds,
    );
    const errorType = checkoutErrorType(observation);
    if (errorType) this.errors.inc({ operation, error_type: errorType });
  }

  tokenRequested(result: 'success' | 'failure'): void {
    this.tokenRequests.inc({ result });
  }
}
