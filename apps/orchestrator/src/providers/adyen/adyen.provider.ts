import { AdyenAuthenticationClient } from '@app/adyen-client';
import {
  ThreeDsProvider,
  type AuthenticationEvent,
  type ChannelData,
  type CreatedProviderSession,
  type MethodCompletion,
  type ProviderCapabilities,
  type ProviderChannel,
  type ProviderFailure,
  type ProviderReturnUrls,
  type ProviderSessionContext,
  type ProviderSnapshot,
  type ReadHint,
  type SessionRequest,
  type UpdateWindow,
} from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { adyenConfig, type AdyenConfig } from '../../config/adyen.config.js';
import {
  adyenFailureOf,
  authenticationNotFound,
  MOVED_ON_CODES,
  movedOn,
  stillPending,
} from './adyen-failures.js';
import { adyenPaymentRequest } from './adyen-payment-request.js';
import { adyenStateOf, isPspReference, type AdyenProviderState } from './adyen-provider-state.js';
import { adyenSnapshotOf, keptEvent } from './adyen-session.snapshot.js';
import { endedStateOf, snapshotAfter, startedState } from './adyen-state-moves.js';

const base64Json = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64');

/**
 * Adyen's standalone 3-D Secure authentication behind the provider port
 * (docs/adyen-adapter.md). Adyen has no read of a pending authentication, so the adapter keeps
 * what it needs in `providerState` and answers reads from it until a result exists.
 */
@Injectable()
export class AdyenProvider extends ThreeDsProvider {
  readonly name = 'adyen';
  /** The browser channel once ADYEN_API_KEY is set; none before, so routing never picks it. */
  readonly channels: readonly ProviderChannel[];
  /** docs/adyen-adapter.md#4-capabilities */
  readonly capabilities: ProviderCapabilities = {
    channels: ['browser'],
    threeDs1Fallback: false,
    hosted: false,
    checkoutPaymentSession: false,
    channelDataAfterCreate: false,
    nonPayment: false,
    idempotentCreate: true,
  };
  readonly updateWindow: UpdateWindow;

  constructor(
    private readonly client: AdyenAuthenticationClient,
    @Inject(adyenConfig.KEY) private readonly config: AdyenConfig,
  ) {
    super();
    this.channels = config.configured ? ['browser'] : [];
    this.updateWindow = {
      // The fingerprint, `/payments/details` and a read after an ambiguous answer.
      holdMs: 3 * config.authenticationTimeoutMs + config.timeoutMs,
      waitMs: 2 * config.authenticationTimeoutMs,
    };
  }

  /** One merchant account for every team (docs/adyen-adapter.md#open-questions). */
  processingChannelsOf(): readonly string[] {
    return [];
  }

  /** `/payments`, keyed by our authentication id: a re-sent create answers the first one. */
  async createSession(
    _team: string,
    request: SessionRequest,
    urls: ProviderReturnUrls,
    context: ProviderSessionContext,
  ): Promise<CreatedProviderSession> {
    const answer = await this.client.createPayment(
      adyenPaymentRequest(request, urls),
      context.authenticationId,
    );
    return { snapshot: snapshotAfter(startedState(request), answer, 'create', context) };
  }

  /** docs/adyen-adapter.md#calls, "readSession by phase". */
  async readSession(
    id: string,
    context: ProviderSessionContext,
    hint?: ReadHint,
  ): Promise<ProviderSnapshot> {
    const state = adyenStateOf(context);
    if (!state) return this.readWithoutState(id, context);
    switch (state.phase) {
      case 'fingerprint':
        return this.keptOrExpired(state, context);
      case 'challenge':
        return this.readChallenge(state, context, hint);
      case 'finished':
        return this.readFinished(state, context);
    }
  }

  /** Refused by capability before any call (channelDataAfterCreate); never reached. */
  submitChannelData(_id: string, _data: ChannelData): Promise<ProviderSnapshot> {
    return Promise.reject(movedOn('submit channel data', MOVED_ON_CODES.channelDataOnlyAtCreate));
  }

  /**
   * The 3DS Method's result to checkoutshopper, as Adyen's 3DS2 component posts it: the
   * challenge action, or a `threeDSResult` that `/payments/details` turns into the result, in
   * this same call.
   */
  async reportMethodCompletion(
    _id: string,
    completion: MethodCompletion,
    context: ProviderSessionContext,
  ): Promise<ProviderSnapshot> {
    const state = adyenStateOf(context);
    if (state?.phase !== 'fingerprint' || !state.paymentData) {
      throw movedOn('fingerprint', MOVED_ON_CODES.fingerprintNotPending);
    }
    const key = context.authenticationId;
    const answer = await this.client.submitThreeDS2Fingerprint(
      {
        fingerprintResult: base64Json({ threeDSCompInd: completion }),
        paymentData: state.paymentData,
      },
      `${key}:fingerprint`,
    );
    if (answer.type === 'action') {
      return snapshotAfter(
        state,
        { resultCode: 'ChallengeShopper', action: answer.action },
        'later',
        context,
      );
    }
    const finished = await this.client.paymentDetails(
      {
        paymentData: state.paymentData,
        details: { threeDSResult: answer.details.threeDSResult },
        authenticationData: { authenticationOnly: true },
      },
      `${key}:details:fingerprint`,
    );
    return snapshotAfter(state, finished, 'later', context);
  }

  /** Adyen has nothing to confirm: its authentication ended with the result we stored. */
  complete(): Promise<void> {
    return Promise.resolve();
  }

  failureOf(error: unknown): ProviderFailure | null {
    return adyenFailureOf(error);
  }

  /** Only a `pspReference` can be read, and only once the authentication ended. */
  private async readWithoutState(id: string, context: ProviderSessionContext) {
    if (!isPspReference(id)) throw authenticationNotFound();
    const read = await this.client.retrieve3ds2Result(id);
    if (!read.threeDS2Result) throw authenticationNotFound();
    const ended = endedStateOf(id);
    return snapshotAfter(
      ended,
      { ...ended, threeDS2Result: read.threeDS2Result },
      'later',
      context,
    );
  }

  /**
   * With the CRes's transStatus, or without one once the challenge is older than
   * RECHECK_CHALLENGE_MS (transStatus U, as adyen-web's PrepareChallenge3DS2 sends at its
   * timeout): `/payments/details`. Younger and without a CRes: nothing, since a details call
   * could end a challenge the cardholder is still in.
   */
  private async readChallenge(
    state: AdyenProviderState,
    context: ProviderSessionContext,
    hint: ReadHint | undefined,
  ): Promise<ProviderSnapshot> {
    const age = Date.now() - (state.challengeIssuedAt ?? state.startedAt);
    const transStatus =
      hint?.challengeTransStatus ?? (age >= this.config.challengeRecheckMs ? 'U' : undefined);
    if (transStatus === undefined) return this.keptOrExpired(state, context);
    try {
      const answer = await this.client.paymentDetails(
        {
          paymentData: state.paymentData,
          details: {
            threeDSResult: base64Json({
              transStatus,
              authorisationToken: state.authorisationToken,
            }),
          },
          authenticationData: { authenticationOnly: true },
        },
        `${context.authenticationId}:details:${transStatus}`,
      );
      return snapshotAfter(state, answer, 'later', context);
    } catch (error) {
      if (!stillPending(error)) throw error;
      return this.keptOrExpired(state, context);
    }
  }

  /** `retrieve3ds2Result` by the `pspReference`; `{}` (no 3DS2 result): the kept answer. */
  private async readFinished(state: AdyenProviderState, context: ProviderSessionContext) {
    if (!state.pspReference) return adyenSnapshotOf(state, keptEvent(state, context), context);
    const read = await this.client.retrieve3ds2Result(state.pspReference);
    return read.threeDS2Result
      ? snapshotAfter(
          state,
          { resultCode: state.resultCode, threeDS2Result: read.threeDS2Result },
          'later',
          context,
        )
      : adyenSnapshotOf(state, keptEvent(state, context), context);
  }

  /** What the adapter kept; past ADYEN_AUTHENTICATION_LIFETIME_SECONDS, expired. */
  private keptOrExpired(state: AdyenProviderState, context: ProviderSessionContext) {
    const expired = Date.now() - state.startedAt >= this.config.authenticationLifetimeMs;
    const event: AuthenticationEvent = expired
      ? { type: 'session_expired' }
      : keptEvent(state, context);
    return adyenSnapshotOf(state, event, context);
  }
}
