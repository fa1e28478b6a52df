import type { AuthenticationEntity, TeamEventDraft } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids.js';
import { ClaimNotice, type ClaimChange } from '../flow/claim-notice.js';
import {
  AuthenticationClaimedEventDto,
  AuthenticationClaimReleasedEventDto,
} from './dto/team-event-payloads.dto.js';
import { AUTHENTICATION_CLAIM_RELEASED, AUTHENTICATION_CLAIMED } from './event-types.js';

const TYPE_OF_CHANGE = {
  claimed: AUTHENTICATION_CLAIMED,
  released: AUTHENTICATION_CLAIM_RELEASED,
} as const satisfies Record<ClaimChange['type'], string>;

/**
 * What a team learns when a payment claims a result or gives it back (docs/claims.md#events):
 * which payment, never the result itself (read it through the claim or GET …/result).
 */
@Injectable()
export class ClaimEvents extends ClaimNotice {
  draftFor(authentication: AuthenticationEntity, change: ClaimChange): TeamEventDraft {
    const type = TYPE_OF_CHANGE[change.type];
    const { paymentReference, psp, amount, currency } = change.payment;
    // Typed by the classes the webhooks' schemas are made of, so the two cannot drift apart.
    const payload: AuthenticationClaimedEventDto | AuthenticationClaimReleasedEventDto = {
      type,
      timestamp: new Date().toISOString(),
      data: {
        authentication_id: authentication.id,
        reference: authentication.reference,
        claim: {
          id: change.claimId,
          payment_reference: paymentReference,
          psp,
          amount,
          currency,
          status: change.type === 'claimed' ? 'active' : 'released',
          release_reason: change.type === 'released' ? change.reason : null,
        },
      },
    };
    return {
      id: newId('msg'),
      teamId: authentication.teamId,
      authenticationId: authentication.id,
      type,
      payload: { ...payload },
    };
  }
}
