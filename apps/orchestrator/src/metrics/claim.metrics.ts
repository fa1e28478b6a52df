import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** How a claim request ended (docs/claims.md#metrics). */
export const CLAIM_OUTCOMES = [
  'created',
  'replayed',
  'already_claimed',
  'expired',
  'refused',
  'released',
] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

/** Claims and releases, counted once the ledger answered (a created claim: after its commit). */
@Injectable()
export class ClaimMetrics {
  private readonly claims: Counter<'outcome'>;

  constructor(registry: Registry) {
    this.claims = new Counter({
      name: 'threeds_claims_total',
      help: 'Claim and release requests on results, by how they ended',
      labelNames: ['outcome'],
      registers: [registry],
    });
  }

  claimEnded(outcome: ClaimOutcome): void {
    this.claims.inc({ outcome });
  }
}
