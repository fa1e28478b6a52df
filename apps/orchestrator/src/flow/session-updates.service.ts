import {
  allows,
  ConcurrentUpdateError,
  HostedNotSupportedError,
  IllegalTransitionError,
  InvalidRequestError,
  NoCardholderStepError,
  ThreeDsProviders,
  type ChannelData,
  type MethodCompletion,
  type ProviderSnapshot,
} from '@app/domain';
import {
  AuthenticationClaims,
  AuthenticationRepository,
  type AuthenticationEntity,
} from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { providerWord } from './provider-words.js';
import { SessionSync } from './session-sync.service.js';

const WAIT_STEP_MS = 50;

/**
 * The two updates of a provider session (3DS Method completion, channel data), one at a time
 * per authentication: concurrent reports reach the provider once (a claim on the row), and those
 * that waited get the outcome of the one that went through.
 */
@Injectable()
export class SessionUpdates {
  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly claims: AuthenticationClaims,
    private readonly transitions: AuthenticationTransitionsService,
    private readonly providers: ThreeDsProviders,
    private readonly sync: SessionSync,
  ) {}

  /** EMV threeDSCompInd after the 3DS Method: Y when it completed, N/U otherwise. */
  async reportIssuerFingerprint(
    authentication: AuthenticationEntity,
    completion: MethodCompletion,
  ): Promise<AuthenticationEntity> {
    if (authentication.channel === 'merchant_initiated') {
      throw new NoCardholderStepError('report_issuer_fingerprint');
    }
    return this.fingerprint(authentication, completion, 'api');
  }

  /** Tells the provider, then moves on; a later second report (notification and API) is refused. */
  fingerprint(authentication: AuthenticationEntity, completion: MethodCompletion, source: string) {
    return this.exclusively(
      authentication,
      (current) => !allows(current.state, 'report_issuer_fingerprint'),
      async (current) => {
        if (!allows(current.state, 'report_issuer_fingerprint')) {
          throw new IllegalTransitionError(current.state, 'fingerprint_completed');
        }
        const snapshot = await this.providers
          .of(current.provider)
          .reportMethodCompletion(
            current.providerSessionId!,
            completion,
            this.sync.contextOf(current),
          )
          .catch((error: unknown) =>
            this.reconcileAfter(current, error, (read) => !read.awaitingMethodCompletion),
          );
        if (!snapshot.awaitingInput) {
          // Channel data got there first (another request): the session is past this step.
          return this.sync.applySnapshot(current, snapshot, source);
        }
        return this.transitions.apply(
          current.id,
          { type: 'fingerprint_completed' },
          { source, columns: this.sync.columnsOf(snapshot), detail: { completion } },
        );
      },
    );
  }

  async submitChannelData(
    authentication: AuthenticationEntity,
    data: ChannelData,
  ): Promise<AuthenticationEntity> {
    if (authentication.hosted) {
      throw new HostedNotSupportedError(
        "a hosted authentication's browser data comes from the provider's page",
      );
    }
    // 3RI channel data goes with the create (docs/design.md#state-machine).
    if (authentication.channel === 'merchant_initiated' || data.channel === 'merchant_initiated') {
      throw new NoCardholderStepError('submit_channel_data');
    }
    if (data.channel !== authentication.channel) {
      throw new InvalidRequestError(
        'channel_data.channel',
        `must be ${authentication.channel}, the authentication's channel`,
      );
    }
    // A provider that sends the AReq from its create took the channel data there: no later step
    // takes more.
    if (!this.providers.of(authentication.provider).capabilities.channelDataAfterCreate) {
      throw new IllegalTransitionError(authentication.state, 'submit_channel_data');
    }
    return this.exclusively(
      authentication,
      (current) => !allows(current.state, 'submit_channel_data'),
      async (current) => {
        if (!allows(current.state, 'submit_channel_data')) {
          throw new IllegalTransitionError(current.state, 'submit_channel_data');
        }
        const snapshot = await this.providers
          .of(current.provider)
          .submitChannelData(
            current.providerSessionId!,
            await this.withMethodCompletion(authentication.id, data),
            this.sync.contextOf(current),
          )
          .catch((error: unknown) =>
            this.reconcileAfter(current, error, (read) => !read.awaitingInput),
          );
        return this.sync.applySnapshot(current, snapshot, 'api');
      },
    );
  }

  /**
   * Browser data carries the 3DS Method's outcome (`three_ds_method_completion`, EMV
   * threeDSCompInd) as it was reported, unless the team sent one: without it a provider assumes U,
   * and the issuer would not use the fingerprint it collected.
   */
  private async withMethodCompletion(id: string, data: ChannelData): Promise<ChannelData> {
    if (data.channel !== 'browser' || data.three_ds_method_completion !== undefined) return data;
    const completion = await this.repository.methodCompletionOf(id);
    return completion ? { ...data, three_ds_method_completion: completion } : data;
  }

  /**
   * Runs `update` while holding the authentication's claim on the provider session. A request that finds
   * the claim taken waits for it; if the holder has done the step meanwhile (`done`), it answers
   * with that outcome instead of sending the same update again.
   */
  private async exclusively(
    authentication: AuthenticationEntity,
    done: (current: AuthenticationEntity) => boolean,
    update: (current: AuthenticationEntity) => Promise<AuthenticationEntity>,
  ): Promise<AuthenticationEntity> {
    const { holdMs, waitMs } = this.providers.of(authentication.provider).updateWindow;
    const deadline = Date.now() + waitMs;
    let waited = false;
    for (;;) {
      const claim = await this.claims.claimProviderCall(authentication.id, holdMs);
      if (claim) {
        try {
          const current = (await this.repository.findById(authentication.id))!;
          return waited && done(current) ? current : await this.withUnknownSession(current, update);
        } finally {
          await this.claims.releaseProviderCall(authentication.id, claim);
        }
      }
      waited = true;
      if (Date.now() > deadline) throw new ConcurrentUpdateError(authentication.id);
      await sleep(WAIT_STEP_MS);
    }
  }

  /** A session the provider no longer knows (404) can never move on: the authentication ends. */
  private async withUnknownSession(
    current: AuthenticationEntity,
    update: (current: AuthenticationEntity) => Promise<AuthenticationEntity>,
  ): Promise<AuthenticationEntity> {
    try {
      return await update(current);
    } catch (error) {
      if (this.providers.of(current.provider).failureOf(error)?.class === 'not_found') {
        await this.transitions.applyIfLegal(
          current.id,
          { type: 'failed', reason: providerWord(current.provider, 'session_not_found') },
          { source: 'api' },
        );
      }
      throw error;
    }
  }

  /**
   * An update that may have reached the provider (timeout, 5xx) or that it refuses because the
   * session moved on: the session itself says what happened. Nothing new → the original error.
   */
  private async reconcileAfter(
    authentication: AuthenticationEntity,
    error: unknown,
    tookEffect: (read: ProviderSnapshot) => boolean,
  ): Promise<ProviderSnapshot> {
    const provider = this.providers.of(authentication.provider);
    const failure = provider.failureOf(error);
    const ambiguous =
      failure?.class === 'outcome_unknown' ||
      (failure?.class === 'rejected' && failure.sessionMovedOn);
    if (!ambiguous || !authentication.providerSessionId) throw error;
    const read = await provider.readSession(
      authentication.providerSessionId,
      this.sync.contextOf(authentication),
    );
    if (!tookEffect(read)) throw error;
    return read;
  }
}
