import { ThreeDsProvider, type ProviderName } from '@app/domain';
import type { Provider, Type } from '@nestjs/common';
import { checkoutConfig, type CheckoutConfig } from '../config/checkout.config.js';
import { CheckoutSessionRequests } from './checkout/checkout-session-request.js';
import { CheckoutProvider } from './checkout/checkout.provider.js';

/**
 * One line per provider: `THREEDS_PROVIDER` picks the adapter behind the port
 * (docs/design.md#provider-port). Exhaustive: a name without its adapter does not compile.
 */
export const PROVIDERS = {
  checkout: CheckoutProvider,
} as const satisfies Record<ProviderName, Type<ThreeDsProvider>>;

const ADAPTERS: Type<ThreeDsProvider>[] = Object.values(PROVIDERS);

/** The adapters and their helpers, and the port bound to the configured adapter's instance. */
export const PROVIDER_PORT: Provider[] = [
  CheckoutSessionRequests,
  ...ADAPTERS,
  {
    provide: ThreeDsProvider,
    inject: [checkoutConfig.KEY, ...ADAPTERS],
    useFactory: (config: CheckoutConfig, ...adapters: ThreeDsProvider[]): ThreeDsProvider =>
      adapters[ADAPTERS.indexOf(PROVIDERS[config.provider])],
  },
];
