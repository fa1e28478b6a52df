import { ThreeDsProvider, type ProviderName } from '@app/domain';
import type { Provider, Type } from '@nestjs/common';
import { checkoutConfig, type CheckoutConfig } from '../config/checkout.config.js';
import { GuardedProvider } from './breaker/guarded-provider.js';
import { ProviderBreakers } from './breaker/provider-breakers.js';
import { CheckoutModule } from './checkout/checkout.module.js';
import { CheckoutProvider } from './checkout/checkout.provider.js';

/**
 * One line per provider: `THREEDS_PROVIDER` picks the adapter behind the port
 * (docs/design.md#provider-port). Exhaustive: a name without its adapter does not compile.
 */
export const PROVIDERS = {
  checkout: { adapter: CheckoutProvider, module: CheckoutModule },
} as const satisfies Record<ProviderName, { adapter: Type<ThreeDsProvider>; module: Type }>;

const ADAPTERS: Type<ThreeDsProvider>[] = Object.values(PROVIDERS).map((one) => one.adapter);

/** The modules of every adapter (each wires its own client). */
export const ADAPTER_MODULES: Type[] = Object.values(PROVIDERS).map((one) => one.module);

/** The port, bound to the configured adapter behind its provider's circuit breaker. */
export const PROVIDER_PORT: Provider = {
  provide: ThreeDsProvider,
  inject: [checkoutConfig.KEY, ProviderBreakers, ...ADAPTERS],
  useFactory: (
    config: CheckoutConfig,
    breakers: ProviderBreakers,
    ...adapters: ThreeDsProvider[]
  ): ThreeDsProvider => {
    const adapter = adapters[ADAPTERS.indexOf(PROVIDERS[config.provider].adapter)];
    return new GuardedProvider(adapter, breakers.of(adapter));
  },
};
