import { CIRCUIT_STATES, PROVIDER_NAMES, type CircuitState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';

/** The port's calls a breaker guards, as the `operation` label names them. */
export const PROVIDER_OPERATIONS = [
  'create_session',
  'read_session',
  'submit_channel_data',
  'report_method_completion',
  'complete',
] as const;
export type ProviderOperation = (typeof PROVIDER_OPERATIONS)[number];

/** Each provider's circuit breaker (docs/circuit-breaker.md#metrics). */
@Injectable()
export class ProviderCircuitMetrics {
  private readonly state: Gauge<'provider'>;
  private readonly transitions: Counter<'provider' | 'state'>;
  private readonly refused: Counter<'provider' | 'operation'>;

  constructor(registry: Registry) {
    this.state = new Gauge({
      name: 'threeds_provider_circuit_state',
      help: "A provider's circuit breaker: 0 closed, 1 half_open, 2 open",
      labelNames: ['provider'],
      registers: [registry],
    });
    this.transitions = new Counter({
      name: 'threeds_provider_circuit_transitions_total',
      help: "Moves of a provider's circuit breaker, by the state entered",
      labelNames: ['provider', 'state'],
      registers: [registry],
    });
    this.refused = new Counter({
      name: 'threeds_provider_calls_refused_total',
      help: 'Provider calls refused by an open circuit breaker (never sent), by operation',
      labelNames: ['provider', 'operation'],
      registers: [registry],
    });
    for (const provider of PROVIDER_NAMES) {
      this.state.set({ provider }, 0);
      for (const state of CIRCUIT_STATES) this.transitions.inc({ provider, state }, 0);
      for (const operation of PROVIDER_OPERATIONS) this.refused.inc({ provider, operation }, 0);
    }
  }

  entered(provider: string, state: CircuitState): void {
    this.state.set({ provider }, CIRCUIT_STATES.indexOf(state));
    this.transitions.inc({ provider, state });
  }

  callRefused(provider: string, operation: ProviderOperation): void {
    this.refused.inc({ provider, operation });
  }
}
