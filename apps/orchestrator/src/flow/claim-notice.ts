import type { ClaimedPayment, ReleaseReason } from '@app/domain';
import type { AuthenticationEntity, TeamEventDraft } from '@app/persistence';

/** A change of the claim ledger the team is told about. */
export type ClaimChange =
  | { readonly type: 'claimed'; readonly claimId: string; readonly payment: ClaimedPayment }
  | {
      readonly type: 'released';
      readonly claimId: string;
      readonly payment: ClaimedPayment;
      readonly reason: ReleaseReason;
    };

/**
 * What the team is told when a payment claims a result or gives it back, written as an outbox
 * row in the claim's own statement. The team events module owns the event and provides this; a
 * flow without it (the flow specs) tells nobody.
 */
export abstract class ClaimNotice {
  abstract draftFor(authentication: AuthenticationEntity, change: ClaimChange): TeamEventDraft;
}
