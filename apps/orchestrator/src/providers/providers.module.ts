import { Global, Module } from '@nestjs/common';
import { ProviderCircuits, ThreeDsProviders } from '@app/domain';
import { MetricsModule } from '../metrics/metrics.module.js';
import { ProviderBreakers } from './breaker/provider-breakers.js';
import { ADAPTER_MODULES, PROVIDER_REGISTRY } from './registry.js';

/**
 * The providers (`ThreeDsProviders`): every adapter behind its circuit breaker, by name, the
 * default being the one THREEDS_PROVIDER names. Global so that the flow injects them
 * without importing any adapter: the arrows run from the adapters to the flow, never back
 * (docs/design.md#provider-port). `ProviderCircuits` shows every breaker to `/health/ready`.
 */
@Global()
@Module({
  imports: [MetricsModule, ...ADAPTER_MODULES],
  providers: [
    ProviderBreakers,
    { provide: ProviderCircuits, useExisting: ProviderBreakers },
    PROVIDER_REGISTRY,
  ],
  exports: [ThreeDsProviders, ProviderCircuits],
})
export class ProvidersModule {}
