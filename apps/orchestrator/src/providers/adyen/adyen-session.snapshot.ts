import type { AdyenThreeDS2Action } from '@app/adyen-client';
import type {
  AuthenticationEvent,
  NextAction,
  ProviderSessionContext,
  ProviderSnapshot,
} from '@app/domain';
import { asProviderState, type AdyenProviderState } from './adyen-provider-state.js';
import { eventOfAnswer, resultFieldsOf } from './adyen-result.mapper.js';

/** As Checkout's: EMV's 10 s for the 3DS Method, after which threeDSCompInd is `N`. */
const THREE_DS_METHOD_TIMEOUT_SECONDS = 10;

/**
 * An Adyen authentication in the domain's words, from what the adapter keeps. Final snapshots
 * say `completable: true, completed: false`: Adyen has no `complete`, so the usual path runs and
 * `complete` resolves at once (docs/adyen-adapter.md#calls).
 */
export function adyenSnapshotOf(
  state: AdyenProviderState,
  event: AuthenticationEvent | null,
  context: ProviderSessionContext,
  cryptogram?: string,
): ProviderSnapshot {
  const fingerprint = state.phase === 'fingerprint';
  return {
    providerSessionId: providerSessionIdOf(state, context),
    providerStatus: state.resultCode,
    event,
    nextAction: nextActionOf(state, context),
    result: resultFieldsOf(state),
    ...(state.scheme ? { scheme: state.scheme } : {}),
    ...(cryptogram ? { cryptogram } : {}),
    awaitingInput: fingerprint,
    awaitingMethodCompletion: fingerprint,
    completed: false,
    completable: state.phase === 'finished',
    providerState: asProviderState(state),
    recorded: state.recorded,
  };
}

/**
 * The `pspReference` once Adyen gave one (with a final answer only); before it, our
 * authentication id: unique, known before the call, the same on a re-sent create.
 */
export const providerSessionIdOf = (
  state: Pick<AdyenProviderState, 'pspReference'>,
  context: ProviderSessionContext,
): string => state.pspReference ?? context.authenticationId;

/** The event a kept state stands for: the step it waits in, or the final answer it holds. */
export function keptEvent(
  state: AdyenProviderState,
  context: ProviderSessionContext,
): AuthenticationEvent {
  const providerSessionId = providerSessionIdOf(state, context);
  if (state.phase === 'fingerprint') return { type: 'fingerprint_required', providerSessionId };
  if (state.phase === 'challenge') return { type: 'challenge_issued', providerSessionId };
  return eventOfAnswer(
    {
      resultCode: state.resultCode,
      refusalReason: state.refusalReason,
      threeDS2Result: state.result,
    },
    'later',
    providerSessionId,
  );
}

/**
 * The browser's next step, built from the action's token as Checkout's are from its session
 * (docs/adyen-adapter.md#calls): the 3DS Method posting back to our page, or the CReq.
 */
function nextActionOf(
  state: AdyenProviderState,
  context: ProviderSessionContext,
): NextAction | null {
  const { token } = state;
  if (state.phase === 'fingerprint' && token.threeDSMethodUrl) {
    return {
      type: 'three_ds_method',
      method_url: token.threeDSMethodUrl,
      three_ds_method_data: base64UrlJson({
        threeDSServerTransID: token.threeDSServerTransID,
        threeDSMethodNotificationURL: context.methodNotificationUrl,
      }),
      notification_url: context.methodNotificationUrl,
      timeout_seconds: THREE_DS_METHOD_TIMEOUT_SECONDS,
    };
  }
  if (state.phase === 'challenge' && token.acsURL) {
    return {
      type: 'challenge',
      channel: 'browser',
      acs_url: token.acsURL,
      creq: base64UrlJson({
        threeDSServerTransID: token.threeDSServerTransID,
        acsTransID: token.acsTransID,
        messageType: 'CReq',
        messageVersion: token.messageVersion,
        challengeWindowSize: '05',
      }),
    };
  }
  return null;
}

const base64UrlJson = (value: object): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** The `threeDS2` action of an answer (the 3DS Method's or the challenge's), if it is one. */
export const threeDS2ActionOf = (action: unknown): AdyenThreeDS2Action | undefined =>
  typeof action === 'object' &&
  action !== null &&
  (action as { type?: unknown }).type === 'threeDS2'
    ? (action as AdyenThreeDS2Action)
    : undefined;
