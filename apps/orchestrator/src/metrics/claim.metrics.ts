import { DomainError, type ErrorCode } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** How a claim or release request ended (docs/claims.md#metrics). */
export const CLAIM_OUTCOMES = [
  'created',
  'replayed',
  'already_claimed',
  'expired',
  'refused',
  'conflict',
  'released',
] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

/** The outcome each refusal of the ledger is counted as; other errors are not a claim's end. */
const OUTCOME_OF_REFUSAL = {
  RESULT_ALREADY_CLAIMED: 'already_claimed',
  RESULT_EXPIRED: 'expired',
  RESULT_NOT_READY: 'refused',
  RESULT_NOT_CLAIMABLE: 'refused',
  RESULT_STEPPED_UP: 'refused',
  RESULT_NOT_AUTHORIZABLE: 'refused',
  CLAIM_EXCEEDS_AUTHENTICATION: 'refused',
  PAYMENT_REFERENCE_REUSED: 'refused',
  CONCURRENT_UPDATE: 'conflict',
} as const satisfies Partial<Record<ErrorCode, ClaimOutcome>>;

/** The outcome an error ends a claim with, or null for an error that is no refusal of the ledger. */
export function claimOutcomeOfError(error: unknown): ClaimOutcome | null {
  return error instanceof DomainError && Object.hasOwn(OUTCOME_OF_REFUSAL, error.code)
    ? OUTCOME_OF_REFUSAL[error.code as keyof typeof OUTCOME_OF_REFUSAL]
    : null;
}

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
    for (const outcome of CLAIM_OUTCOMES) this.claims.inc({ outcome }, 0);
  }

  claimEnded(outcome: ClaimOutcome): void {
    this.claims.inc({ outcome });
  }
}
