import { AdyenClientModule } from '@app/adyen-client';
import { Module } from '@nestjs/common';
import { adyenConfig, type AdyenConfig } from '../../config/adyen.config.js';
import { AdyenMetrics } from '../../metrics/adyen.metrics.js';
import { MetricsModule } from '../../metrics/metrics.module.js';
import { AdyenProvider } from './adyen.provider.js';

/** Adyen's adapter behind the provider port, on its client (deadlines, typed errors, metrics). */
@Module({
  imports: [
    MetricsModule,
    AdyenClientModule.forRootAsync({
      imports: [MetricsModule],
      inject: [adyenConfig.KEY, AdyenMetrics],
      useFactory: (adyen: AdyenConfig, metrics: AdyenMetrics) => ({
        apiUrl: adyen.apiUrl,
        paymentApiUrl: adyen.paymentApiUrl,
        checkoutShopperUrl: adyen.checkoutShopperUrl,
        apiKey: adyen.apiKey,
        clientKey: adyen.clientKey,
        merchantAccount: adyen.merchantAccount,
        timeouts: { readMs: adyen.timeoutMs, authenticationMs: adyen.authenticationTimeoutMs },
        observer: metrics,
      }),
    }),
  ],
  providers: [AdyenProvider],
  exports: [AdyenProvider],
})
export class AdyenModule {}
