import { CheckoutClientModule, sessionScopes } from '@app/checkout-client';
import { Module } from '@nestjs/common';
import { checkoutConfig, type CheckoutConfig } from '../../config/checkout.config.js';
import { RequestContext } from '../../logging/request-context.js';
import { CheckoutMetrics } from '../../metrics/checkout.metrics.js';
import { MetricsModule } from '../../metrics/metrics.module.js';
import { CheckoutSessionRequests } from './checkout-session-request.js';
import { CheckoutProvider } from './checkout.provider.js';

/** Checkout's adapter behind the provider port, on its HTTP client (OAuth, deadlines, metrics). */
@Module({
  imports: [
    MetricsModule,
    CheckoutClientModule.forRootAsync({
      imports: [MetricsModule],
      inject: [checkoutConfig.KEY, CheckoutMetrics, RequestContext],
      useFactory: (
        checkout: CheckoutConfig,
        metrics: CheckoutMetrics,
        context: RequestContext,
      ) => ({
        apiUrl: checkout.apiUrl,
        tokenUrl: checkout.tokenUrl,
        clientId: checkout.clientId,
        clientSecret: checkout.clientSecret,
        scopes: sessionScopes(checkout.channels),
        timeouts: {
          tokenMs: checkout.timeoutMs,
          readMs: checkout.timeoutMs,
          writeMs: checkout.timeoutMs,
          authenticationMs: checkout.authenticationTimeoutMs,
        },
        tokenRefreshMarginMs: 60_000,
        observer: metrics,
        currentRequestId: () => context.requestId(),
      }),
    }),
  ],
  providers: [CheckoutSessionRequests, CheckoutProvider],
  exports: [CheckoutProvider],
})
export class CheckoutModule {}
