import {
  cardNumberOf,
  cardSchemeOf,
  type ProviderSessionContext,
  type ProviderSnapshot,
  type SessionRequest,
} from '@app/domain';
import {
  decodeActionToken,
  withoutCryptogram,
  type AdyenProviderState,
} from './adyen-provider-state.js';
import { eventOfAnswer, type AdyenAnswer, type AnswerStage } from './adyen-result.mapper.js';
import {
  adyenSnapshotOf,
  providerSessionIdOf,
  threeDS2ActionOf,
} from './adyen-session.snapshot.js';

/** An answer that may carry the next action (`/payments`, or the fingerprint's challenge). */
export interface AnswerWithAction extends AdyenAnswer {
  readonly action?: unknown;
}

/** What the adapter keeps before `/payments` answers: what it sent, and when. */
export function startedState(request: SessionRequest): AdyenProviderState {
  return {
    phase: 'fingerprint',
    resultCode: '',
    token: {},
    startedAt: Date.now(),
    challenged: false,
    scheme: cardSchemeOf(cardNumberOf(request.source) ?? ''),
    recorded: { reference: request.reference, currency: request.currency, amount: request.amount },
  };
}

/** An ended authentication known only by its `pspReference` (nothing kept of it). */
export function endedStateOf(pspReference: string): AdyenProviderState {
  return {
    phase: 'finished',
    resultCode: 'AuthenticationFinished',
    token: {},
    startedAt: Date.now(),
    challenged: false,
    pspReference,
    recorded: {},
  };
}

/** The state after `answer`, and the snapshot it amounts to (with the cryptogram, once). */
export function snapshotAfter(
  state: AdyenProviderState,
  answer: AnswerWithAction,
  stage: AnswerStage,
  context: ProviderSessionContext,
): ProviderSnapshot {
  const pspReference = answer.pspReference ?? state.pspReference;
  const event = eventOfAnswer(answer, stage, providerSessionIdOf({ pspReference }, context));
  const action = threeDS2ActionOf(answer.action);
  const result = answer.threeDS2Result ?? undefined;
  const next: AdyenProviderState = {
    ...state,
    phase:
      event.type === 'fingerprint_required'
        ? 'fingerprint'
        : event.type === 'challenge_issued'
          ? 'challenge'
          : 'finished',
    resultCode: answer.resultCode ?? state.resultCode,
    paymentData: action?.paymentData ?? state.paymentData,
    authorisationToken: action?.authorisationToken ?? state.authorisationToken,
    token: action ? { ...state.token, ...decodeActionToken(action.token) } : state.token,
    challengeIssuedAt: event.type === 'challenge_issued' ? Date.now() : state.challengeIssuedAt,
    challenged: state.challenged || event.type === 'challenge_issued',
    ...(pspReference ? { pspReference } : {}),
    ...(answer.refusalReason ? { refusalReason: answer.refusalReason } : {}),
    ...(result ? { result: withoutCryptogram(result) } : {}),
  };
  return adyenSnapshotOf(next, event, context, result?.authenticationValue);
}
