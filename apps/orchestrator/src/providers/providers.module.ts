import { Global, Module } from '@nestjs/common';
import { ThreeDsProvider } from '@app/domain';
import { ADAPTER_MODULES, PROVIDER_PORT } from './registry.js';

/**
 * The provider port (`ThreeDsProvider`), bound once for the whole app to the adapter
 * THREEDS_PROVIDER names. Global so that the flow injects the port without importing any
 * adapter: the arrows run from the adapters to the flow, never back (docs/design.md#provider-port).
 */
@Global()
@Module({
  imports: ADAPTER_MODULES,
  providers: [PROVIDER_PORT],
  exports: [ThreeDsProvider],
})
export class ProvidersModule {}
