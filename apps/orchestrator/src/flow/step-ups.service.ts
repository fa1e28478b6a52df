import {
  cardNumberOf,
  ResultNotReadyError,
  STEP_UP_CHALLENGE_INDICATOR,
  StepUpCardMismatchError,
  StepUpExceedsOriginalError,
  StepUpNotPossibleError,
  stepUpRefusal,
  type DomainError,
  type SessionRequest,
  type StepUpRefusal,
} from '@app/domain';
import type { AuthenticationEntity } from '@app/persistence';
import { Injectable, Optional } from '@nestjs/common';
import { ClaimMetrics } from '../metrics/claim.metrics.js';
import { SecretBox } from '../security/secret-box.js';
import { AuthenticationStarts } from './authentication-starts.service.js';
import type { StartKey, StartOutcome } from './start-outcome.js';
import { ClaimNotice } from './claim-notice.js';

/** A step-up as the team asks it: a create whose amount, currency and reference default to the original's. */
export type StepUpRequest = Omit<SessionRequest, 'amount' | 'currency' | 'reference'> & {
  readonly amount?: number;
  readonly currency?: string;
  readonly reference?: string;
};

/**
 * A step-up after a soft decline (docs/step-up.md): a new authentication of the same card for
 * at most the same payment, sent with a mandated challenge, linked to its original both ways.
 * The rules are the domain's (`stepUpRefusal`); the database lets one step-up per original in,
 * after the request's Idempotency-Key was looked at (a retry gets its first answer).
 */
@Injectable()
export class AuthenticationStepUps {
  constructor(
    private readonly starts: AuthenticationStarts,
    private readonly metrics: ClaimMetrics,
    private readonly secrets: SecretBox,
    @Optional() private readonly notice?: ClaimNotice,
  ) {}

  /** `original`: the team's own, as the API layer loaded it. */
  async stepUp(
    original: AuthenticationEntity,
    asked: StepUpRequest,
    key?: StartKey,
  ): Promise<StartOutcome> {
    const request: SessionRequest = {
      ...asked,
      amount: asked.amount ?? original.amount ?? undefined,
      currency: asked.currency ?? original.currency,
      reference: asked.reference ?? original.reference,
      // After the request's own fields: no other indicator, and no exemption policy, may weaken it.
      challenge_indicator: STEP_UP_CHALLENGE_INDICATOR,
    };
    this.refuseStepUp(original, request);
    // The payment the soft decline ended gives the original's result back, with the insert.
    return this.starts.start(original.teamId, request, key, {
      original,
      releaseNotice: (claim) =>
        this.notice?.draftFor(original, {
          type: 'released',
          claimId: claim.id,
          payment: claim,
          reason: 'stepped_up',
        }),
      released: () => this.metrics.claimEnded('released'),
    });
  }

  private refuseStepUp(original: AuthenticationEntity, request: SessionRequest): void {
    const pan = cardNumberOf(request.source);
    const refusal = stepUpRefusal(original, {
      cardFingerprint: pan ? this.secrets.cardFingerprint(pan) : null,
      amount: request.amount ?? null,
      currency: request.currency,
    });
    if (!refusal) return;
    const { id, state } = original;
    const errors: Record<StepUpRefusal, () => DomainError> = {
      not_final: () => new ResultNotReadyError(id, state),
      card_not_comparable: () => new StepUpNotPossibleError(id, original.sourceType),
      card_differs: () => new StepUpCardMismatchError(),
      currency_differs: () => new StepUpExceedsOriginalError('currency', original),
      amount_exceeds: () => new StepUpExceedsOriginalError('amount', original),
    };
    throw errors[refusal]();
  }
}
