import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { AdyenMetrics } from './adyen.metrics.js';
import { AuthenticationMetrics } from './authentication.metrics.js';
import { BacklogMetrics } from './backlog.metrics.js';
import { CheckoutMetrics } from './checkout.metrics.js';
import { ClaimMetrics } from './claim.metrics.js';
import { InboundMetrics } from './inbound.metrics.js';
import { MetricsController } from './metrics.controller.js';
import { ProviderCircuitMetrics } from './provider-circuit.metrics.js';

/**
 * One registry per application, never prom-client's global one: several apps in one process (the
 * tests) would otherwise register the same series twice.
 */
function applicationRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

const RECORDERS = [
  AdyenMetrics,
  AuthenticationMetrics,
  CheckoutMetrics,
  ClaimMetrics,
  InboundMetrics,
  ProviderCircuitMetrics,
];

/** The `threeds_*` series, Node's process metrics, and `GET /metrics`. */
@Module({
  imports: [PersistenceModule],
  controllers: [MetricsController],
  providers: [{ provide: Registry, useFactory: applicationRegistry }, BacklogMetrics, ...RECORDERS],
  exports: RECORDERS,
})
export class MetricsModule {}
