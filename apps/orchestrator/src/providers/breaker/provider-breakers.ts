import { ProviderCircuits, type ProviderAvailability, type ThreeDsProvider } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import {
  providerBreakerConfig,
  type ProviderBreakerConfig,
} from '../../config/provider-breaker.config.js';
import { ProviderCircuitMetrics } from '../../metrics/provider-circuit.metrics.js';
import { ProviderBreaker } from './provider-breaker.js';

/** One circuit breaker per provider name, shared by every call to that provider. */
@Injectable()
export class ProviderBreakers extends ProviderCircuits {
  private readonly breakers = new Map<string, ProviderBreaker>();

  constructor(
    @Inject(providerBreakerConfig.KEY) private readonly config: ProviderBreakerConfig,
    private readonly metrics: ProviderCircuitMetrics,
  ) {
    super();
  }

  /** `adapter`'s provider's breaker, judging failures by the adapter's own `failureOf`. */
  of(adapter: ThreeDsProvider): ProviderBreaker {
    let breaker = this.breakers.get(adapter.name);
    if (!breaker) {
      const failureOf = (error: unknown) => adapter.failureOf(error);
      breaker = new ProviderBreaker(adapter.name, this.config, failureOf, this.metrics);
      this.breakers.set(adapter.name, breaker);
    }
    return breaker;
  }

  availabilities(): Readonly<Record<string, ProviderAvailability>> {
    return Object.fromEntries(
      [...this.breakers].map(([name, breaker]) => [name, breaker.availability()]),
    );
  }
}
