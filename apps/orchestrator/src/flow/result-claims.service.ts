import {
  assertNever,
  claimRefusal,
  ClaimExceedsAuthenticationError,
  ClaimNotFoundError,
  ConcurrentUpdateError,
  guidanceOfRecorded,
  meaningOfHeldClaim,
  PaymentReferenceReusedError,
  ResultAlreadyClaimedError,
  ResultExpiredError,
  ResultNotAuthorizableError,
  ResultNotClaimableError,
  ResultNotReadyError,
  type ClaimedPayment,
  type DomainError,
  type ReleaseReason,
} from '@app/domain';
import {
  ResultClaimRepository,
  type AuthenticationEntity,
  type ResultClaimEntity,
} from '@app/persistence';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { newId } from '../common/ids.js';
import { claimsConfig, type ClaimsConfig } from '../config/claims.config.js';
import { ClaimMetrics } from '../metrics/claim.metrics.js';
import { ClaimNotice } from './claim-notice.js';

/** A claim as the ledger answered it: `created` is false for the same payment's claim again. */
export interface ClaimAnswer {
  readonly claim: ResultClaimEntity;
  readonly created: boolean;
}

/**
 * The claim ledger's writes (docs/claims.md): one payment at a time may use a result. The rules
 * are the domain's (`claimRefusal`, `meaningOfHeldClaim`); the database settles races and
 * judges the validity window by its own clock.
 */
@Injectable()
export class ResultClaims {
  constructor(
    private readonly ledger: ResultClaimRepository,
    private readonly metrics: ClaimMetrics,
    @Inject(claimsConfig.KEY) private readonly config: ClaimsConfig,
    @Optional() private readonly notice?: ClaimNotice,
  ) {}

  /** `authentication`: the team's own, as the API layer loaded it. */
  async claim(authentication: AuthenticationEntity, payment: ClaimedPayment): Promise<ClaimAnswer> {
    this.refuseUnclaimable(authentication, payment);
    // A second attempt only when the claim that beat this one was released in between.
    for (let attempt = 1; attempt <= 2; attempt++) {
      const id = newId('clm');
      const written = await this.ledger.claim({
        id,
        authenticationId: authentication.id,
        teamId: authentication.teamId,
        payment,
        validityMs: this.config.validityMs,
        teamEvent: this.notice?.draftFor(authentication, { type: 'claimed', claimId: id, payment }),
      });
      switch (written.kind) {
        case 'created':
          this.metrics.claimEnded('created');
          return { claim: written.claim, created: true };
        case 'expired':
          this.metrics.claimEnded('expired');
          throw new ResultExpiredError(authentication.id);
        case 'held':
          return { claim: this.heldFor(authentication.id, written.claim, payment), created: false };
        case 'none':
          continue;
        default:
          return assertNever(written);
      }
    }
    throw new ConcurrentUpdateError(authentication.id);
  }

  /** Gives the result back; a claim released already is answered as it is. */
  async release(
    authentication: AuthenticationEntity,
    claimId: string,
    reason: ReleaseReason,
  ): Promise<ResultClaimEntity> {
    const claim = await this.ledger.findOne(authentication.id, claimId);
    if (!claim) throw new ClaimNotFoundError(claimId);
    if (claim.status === 'released') return claim;
    const written = await this.ledger.release(
      authentication.id,
      claimId,
      reason,
      this.notice?.draftFor(authentication, {
        type: 'released',
        claimId,
        payment: claim,
        reason,
      }),
    );
    if (written.kind === 'not_found') throw new ClaimNotFoundError(claimId);
    if (written.kind === 'released') this.metrics.claimEnded('released');
    return written.claim;
  }

  /** The same payment's claim again, or why the active claim refuses this one. */
  private heldFor(
    authenticationId: string,
    held: ResultClaimEntity,
    payment: ClaimedPayment,
  ): ResultClaimEntity {
    const meaning = meaningOfHeldClaim(held, payment);
    switch (meaning) {
      case 'same_payment':
        this.metrics.claimEnded('replayed');
        return held;
      case 'reference_reused':
        this.metrics.claimEnded('refused');
        throw new PaymentReferenceReusedError(held.id);
      case 'other_payment':
        this.metrics.claimEnded('already_claimed');
        throw new ResultAlreadyClaimedError(authenticationId, held);
      default:
        return assertNever(meaning);
    }
  }

  private refuseUnclaimable(authentication: AuthenticationEntity, payment: ClaimedPayment): void {
    const { id, state, outcome, amount, currency } = authentication;
    const guidance = guidanceOfRecorded(authentication);
    const refusal = claimRefusal(
      {
        state,
        outcome,
        guidance,
        hasProviderSession: authentication.providerSessionId !== null,
        amount,
        currency,
      },
      payment,
    );
    if (!refusal) return;
    this.metrics.claimEnded('refused');
    const authenticated = { amount, currency };
    const errors: Record<typeof refusal, () => DomainError> = {
      not_final: () => new ResultNotReadyError(id, state),
      not_claimable: () => new ResultNotClaimableError(id, outcome, guidance),
      not_authorizable: () => new ResultNotAuthorizableError(id, outcome),
      amount_exceeds: () => new ClaimExceedsAuthenticationError('amount', authenticated),
      currency_differs: () => new ClaimExceedsAuthenticationError('currency', authenticated),
    };
    throw errors[refusal]();
  }
}
