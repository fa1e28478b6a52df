import {
  ProviderSet,
  ThreeDsProviders,
  type ProviderName,
  type ThreeDsProvider,
} from '@app/domain';
import type { Provider, Type } from '@nestjs/common';
import { checkoutConfig, type CheckoutConfig } from '../config/checkout.config.js';
import { AdyenModule } from './adyen/adyen.module.js';
import { AdyenProvider } from './adyen/adyen.provider.js';
import { GuardedProvider } from './breaker/guarded-provider.js';
import { ProviderBreakers } from './breaker/provider-breakers.js';
import { CheckoutModule } from './checkout/checkout.module.js';
import { CheckoutProvider } from './checkout/checkout.provider.js';

/**
 * One line per provider (docs/design.md#provider-port). Exhaustive: a name without its adapter
 * does not compile. `THREEDS_PROVIDER` names the default: where a team without a routing policy
 * creates.
 */
export const PROVIDERS = {
  checkout: { adapter: CheckoutProvider, module: CheckoutModule },
  adyen: { adapter: AdyenProvider, module: AdyenModule },
} as const satisfies Record<ProviderName, { adapter: Type<ThreeDsProvider>; module: Type }>;

const ADAPTERS: Type<ThreeDsProvider>[] = Object.values(PROVIDERS).map((one) => one.adapter);

/** The modules of every adapter (each wires its own client). */
export const ADAPTER_MODULES: Type[] = Object.values(PROVIDERS).map((one) => one.module);

/** Every adapter, each behind its own provider's circuit breaker, by name. */
export const PROVIDER_REGISTRY: Provider = {
  provide: ThreeDsProviders,
  inject: [checkoutConfig.KEY, ProviderBreakers, ...ADAPTERS],
  useFactory: (
    config: CheckoutConfig,
    breakers: ProviderBreakers,
    ...adapters: ThreeDsProvider[]
  ): ThreeDsProviders =>
    new ProviderSet(
      adapters.map((adapter) => new GuardedProvider(adapter, breakers.of(adapter))),
      config.provider,
    ),
};
