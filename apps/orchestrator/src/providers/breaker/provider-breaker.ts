import {
  ProviderCircuitOpenError,
  type CircuitState,
  type ProviderAvailability,
  type ProviderFailure,
  type ProviderFailureClass,
} from '@app/domain';
import { Logger } from '@nestjs/common';
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState as PolicyState,
  ConsecutiveBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { ProviderBreakerConfig } from '../../config/provider-breaker.config.js';
import type {
  ProviderCircuitMetrics,
  ProviderOperation,
} from '../../metrics/provider-circuit.metrics.js';

/**
 * The failures that say the provider gave no usable answer: network, 5xx, a call past its
 * deadline (how latency opens the breaker). `busy` is left out: the provider answered at once
 * that it did nothing, with its own Retry-After, and a rate limit is our load, not its outage;
 * `rejected` and `not_found` are answers; an error that is not the provider's says nothing
 * about it (docs/circuit-breaker.md#what-opens-it).
 */
export const FAILURES_THAT_COUNT: readonly ProviderFailureClass[] = [
  'unavailable',
  'outcome_unknown',
];

export const countsAsFailure = (failure: ProviderFailure | null): boolean =>
  failure !== null && FAILURES_THAT_COUNT.includes(failure.class);

const STATE_WORDS: Record<PolicyState, CircuitState> = {
  [PolicyState.Closed]: 'closed',
  [PolicyState.HalfOpen]: 'half_open',
  [PolicyState.Open]: 'open',
  [PolicyState.Isolated]: 'open',
};

/**
 * One provider's circuit breaker, on cockatiel's: ConsecutiveBreaker opens it, `halfOpenAfter`
 * later one call goes through as the probe, and its answer closes or reopens it. A call that
 * does not count neither opens nor resets the count, but as a probe it closes the breaker: the
 * provider answered. Calls are refused at once (never queued) while open or while the probe runs.
 */
export class ProviderBreaker {
  private readonly logger = new Logger(ProviderBreaker.name);
  private readonly policy: CircuitBreakerPolicy;
  private openedAt = 0;

  constructor(
    readonly provider: string,
    private readonly config: ProviderBreakerConfig,
    failureOf: (error: unknown) => ProviderFailure | null,
    private readonly metrics: ProviderCircuitMetrics,
  ) {
    this.policy = circuitBreaker(
      handleWhen((error) => countsAsFailure(failureOf(error))),
      {
        halfOpenAfter: config.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(config.consecutiveFailures),
      },
    );
    this.policy.onBreak(() => {
      this.openedAt = Date.now();
    });
    this.policy.onStateChange((state) => this.entered(STATE_WORDS[state]));
  }

  availability(): ProviderAvailability {
    const circuit = STATE_WORDS[this.policy.state];
    if (circuit === 'closed') return { circuit, available: true };
    const waitMs =
      circuit === 'open'
        ? this.openedAt + this.config.halfOpenAfterMs - Date.now()
        : // The probe is out: it answers within the provider's deadline; come back a wait later.
          this.config.halfOpenAfterMs;
    if (waitMs <= 0) return { circuit, available: true };
    return { circuit, available: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** The call through the breaker, or ProviderCircuitOpenError without calling. */
  async run<T>(operation: ProviderOperation, call: () => Promise<T>): Promise<T> {
    if (!this.availability().available) throw this.refusal(operation);
    try {
      return await this.policy.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw this.refusal(operation);
      throw error;
    }
  }

  private refusal(operation: ProviderOperation): ProviderCircuitOpenError {
    this.metrics.callRefused(this.provider, operation);
    return new ProviderCircuitOpenError(this.provider, this.availability().retryAfterSeconds ?? 1);
  }

  private entered(circuit: CircuitState): void {
    this.metrics.entered(this.provider, circuit);
    const line = { msg: 'provider circuit breaker', provider: this.provider, circuit };
    if (circuit === 'open') this.logger.warn(line);
    else this.logger.log(line);
  }
}
