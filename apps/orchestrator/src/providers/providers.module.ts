import { Global, Module } from '@nestjs/common';
import { ProviderCircuits, ThreeDsProvider } from '@app/domain';
import { MetricsModule } from '../metrics/metrics.module.js';
import { ProviderBreakers } from './breaker/provider-breakers.js';
import { ADAPTER_MODULES, PROVIDER_PORT } from './registry.js';

/**
 * The provider port (`ThreeDsProvider`), bound once for the whole app to the adapter
 * THREEDS_PROVIDER names, behind its circuit breaker. Global so that the flow injects the port
 * without importing any adapter: the arrows run from the adapters to the flow, never back
 * (docs/design.md#provider-port). `ProviderCircuits` shows every breaker to `/health/ready`.
 */
@Global()
@Module({
  imports: [MetricsModule, ...ADAPTER_MODULES],
  providers: [
    ProviderBreakers,
    { provide: ProviderCircuits, useExisting: ProviderBreakers },
    PROVIDER_PORT,
  ],
  exports: [ThreeDsProvider, ProviderCircuits],
})
export class ProvidersModule {}
