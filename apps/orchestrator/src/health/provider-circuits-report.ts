import { ProviderCircuits } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/**
 * Each provider's circuit breaker, as details of `/health/ready`. Always up: readiness is this
 * instance's own (its database); an open breaker is every instance's, and taking them all out
 * of the load balancer would turn fast 503s into no answer (docs/circuit-breaker.md#health).
 */
@Injectable()
export class ProviderCircuitsReport {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly circuits: ProviderCircuits,
  ) {}

  check(key: string) {
    const circuits = Object.entries(this.circuits.availabilities()).map(([name, one]) => [
      name,
      {
        circuit: one.circuit,
        available: one.available,
        ...(one.retryAfterSeconds !== undefined && { retry_after_seconds: one.retryAfterSeconds }),
      },
    ]);
    return this.health.check(key).up(Object.fromEntries(circuits));
  }
}
