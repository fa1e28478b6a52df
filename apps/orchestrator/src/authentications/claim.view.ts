import type { ResultClaimEntity } from '@app/persistence';

/** A claim as the API shows it: references only, never the result. */
export function claimView(claim: ResultClaimEntity): Record<string, unknown> {
  return {
    id: claim.id,
    authentication_id: claim.authenticationId,
    payment_reference: claim.paymentReference,
    psp: claim.psp,
    amount: claim.amount,
    currency: claim.currency,
    status: claim.status,
    release_reason: claim.releaseReason,
    created_at: claim.createdAt.toISOString(),
    released_at: claim.releasedAt?.toISOString() ?? null,
  };
}

/** The claim holding a result, as the generic result names it. */
export const claimReference = (claim: ResultClaimEntity) => ({
  id: claim.id,
  payment_reference: claim.paymentReference,
  status: claim.status,
});
