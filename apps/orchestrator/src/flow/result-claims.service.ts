import {
  assertNever,
  claimRefusal,
  ClaimDoesNotMatchAuthenticationError,
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
  ResultSteppedUpError,
  type ClaimedPayment,
  type DomainError,
  type ReleaseReason,
  ThreeDsProviders,
} from '@app/domain';
import {
  ResultClaimRepository,
  type AuthenticationEntity,
  type ResultClaimEntity,
} from '@app/persistence';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { newId } from '../common/ids.js';
import { claimsConfig, type ClaimsConfig } from '../config/claims.config.js';
import { ClaimMetrics, claimOutcomeOfError, type ClaimOutcome } from '../metrics/claim.metrics.js';
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
    private readonly providers: ThreeDsProviders,
    @Optional() private readonly notice?: ClaimNotice,
  ) {}

  /** `authentication`: the team's own, as the API layer loaded it. */
  claim(authentication: AuthenticationEntity, payment: ClaimedPayment): Promise<ClaimAnswer> {
    return this.counted(
      () => this.write(authentication, payment),
      (answer) => (answer.created ? 'created' : 'replayed'),
    );
  }

  /** Gives the result back; a claim released already is answered as it is. */
  async release(
    authentication: AuthenticationEntity,
    claimId: string,
    reason: ReleaseReason,
  ): Promise<ResultClaimEntity> {
    const { claim } = await this.counted(
      () => this.giveBack(authentication, claimId, reason),
      (answer) => (answer.changed ? 'released' : null),
    );
    return claim;
  }

  /**
   * Counts how a request ended, in this one place: by its answer, or by the error's code
   * (docs/claims.md#metrics). Errors that are no refusal of the ledger are not counted.
   */
  private async counted<T>(
    request: () => Promise<T>,
    outcomeOf: (answer: T) => ClaimOutcome | null,
  ): Promise<T> {
    let outcome: ClaimOutcome | null = null;
    try {
      const answer = await request();
      outcome = outcomeOf(answer);
      return answer;
    } catch (error) {
      outcome = claimOutcomeOfError(error);
      throw error;
    } finally {
      if (outcome) this.metrics.claimEnded(outcome);
    }
  }

  private async write(
    authentication: AuthenticationEntity,
    payment: ClaimedPayment,
  ): Promise<ClaimAnswer> {
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
          return { claim: written.claim, created: true };
        case 'expired':
          throw new ResultExpiredError(authentication.id);
        case 'stepped_up':
          throw new ResultSteppedUpError(authentication.id, written.steppedUpTo);
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

  /** `changed`: false for a claim released already. */
  private async giveBack(
    authentication: AuthenticationEntity,
    claimId: string,
    reason: ReleaseReason,
  ): Promise<{ claim: ResultClaimEntity; changed: boolean }> {
    const claim = await this.ledger.findOne(authentication.id, claimId);
    if (!claim) throw new ClaimNotFoundError(claimId);
    if (claim.status === 'released') return { claim, changed: false };
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
    return { claim: written.claim, changed: written.kind === 'released' };
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
        return held;
      case 'reference_reused':
        throw new PaymentReferenceReusedError(held.id);
      case 'other_payment':
        throw new ResultAlreadyClaimedError(authenticationId, held);
      default:
        return assertNever(meaning);
    }
  }

  private refuseUnclaimable(authentication: AuthenticationEntity, payment: ClaimedPayment): void {
    const { id, state, outcome, amount, currency, steppedUpTo } = authentication;
    const guidance = guidanceOfRecorded(authentication);
    const refusal = claimRefusal(
      {
        state,
        outcome,
        guidance,
        hasProviderSession: authentication.providerSessionId !== null,
        providerCapabilities: this.providers.of(authentication.provider).capabilities,
        amount,
        currency,
        steppedUpTo,
      },
      payment,
    );
    if (!refusal) return;
    const authenticated = { amount, currency };
    const errors: Record<typeof refusal, () => DomainError> = {
      not_final: () => new ResultNotReadyError(id, state),
      stepped_up: () => new ResultSteppedUpError(id, steppedUpTo!),
      not_claimable: () => new ResultNotClaimableError(id, outcome, guidance),
      not_authorizable: () => new ResultNotAuthorizableError(id, outcome),
      amount_exceeds: () => new ClaimDoesNotMatchAuthenticationError('amount', authenticated),
      currency_differs: () => new ClaimDoesNotMatchAuthenticationError('currency', authenticated),
    };
    throw errors[refusal]();
  }
}
