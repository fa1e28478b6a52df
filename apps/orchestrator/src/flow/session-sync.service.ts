import {
  accepts,
  hostedEvent,
  ThreeDsProviders,
  type ProviderSessionContext,
  type ProviderSnapshot,
  type ProviderState,
  type ReadHint,
} from '@app/domain';
import type { AuthenticationColumns, AuthenticationEntity } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { SecretBox } from '../security/secret-box.js';
import {
  AuthenticationTransitionsService,
  type TransitionInput,
  type TransitionOutcome,
} from './authentication-transitions.service.js';
import { providerWord } from './provider-words.js';
import { ReturnUrls } from './return-urls.js';

/** Timeline source of re-reads made because a deadline passed. */
export const DEADLINE_SOURCE = 'deadline';

/**
 * Brings an authentication in line with its provider session: whatever told us something
 * happened (API answer, challenge notification, callback, provider event, deadline), the session
 * read is the truth (docs/design.md#provider-port). What a move sets in motion (`complete`, the
 * team event) commits with it as jobs.
 */
@Injectable()
export class SessionSync {
  constructor(
    private readonly providers: ThreeDsProviders,
    private readonly transitions: AuthenticationTransitionsService,
    private readonly secrets: SecretBox,
    private readonly urls: ReturnUrls,
  ) {}

  /** What the provider needs to know of our side to describe the session. */
  contextOf(
    authentication: Pick<
      AuthenticationEntity,
      'id' | 'channel' | 'hosted' | 'providerStateCiphertext'
    >,
  ): ProviderSessionContext {
    const sealed = authentication.providerStateCiphertext;
    return {
      authenticationId: authentication.id,
      channel: authentication.channel,
      hosted: Boolean(authentication.hosted),
      methodNotificationUrl: this.urls.methodNotification(authentication.id),
      ...(sealed
        ? { providerState: JSON.parse(this.secrets.decrypt(sealed)) as ProviderState }
        : {}),
    };
  }

  /** Applies what a provider session says; duplicate or stale news changes nothing. */
  async applySnapshot(
    authentication: AuthenticationEntity,
    snapshot: ProviderSnapshot,
    source: string,
  ): Promise<AuthenticationEntity> {
    return (await this.move(authentication, snapshot, source))?.authentication ?? authentication;
  }

  /**
   * The move a session body implies, decided on `authentication` as given (a stale row costs a
   * retry, never a wrong move); null when the body implies none.
   */
  async move(
    authentication: AuthenticationEntity,
    snapshot: ProviderSnapshot,
    source: string,
    options: Pick<TransitionInput, 'answer'> = {},
  ): Promise<TransitionOutcome | null> {
    const read = snapshot.event;
    if (!read) return null;
    const event = authentication.hosted ? hostedEvent(read) : read;
    return this.transitions.applyIfLegal(authentication.id, event, {
      source,
      columns: this.columnsOf(snapshot),
      detail: { [providerWord(authentication.provider, 'status')]: snapshot.providerStatus },
      recordIgnored: source !== DEADLINE_SOURCE,
      current: authentication,
      ...options,
    });
  }

  /** The columns a session read writes; the cryptogram only ever stored encrypted. */
  columnsOf(snapshot: ProviderSnapshot): AuthenticationColumns {
    return {
      scheme: snapshot.scheme,
      nextAction: snapshot.nextAction,
      result: snapshot.result,
      ...(snapshot.cryptogram
        ? { cryptogramCiphertext: this.secrets.encrypt(snapshot.cryptogram) }
        : {}),
      ...(snapshot.providerState
        ? { providerStateCiphertext: this.secrets.encrypt(JSON.stringify(snapshot.providerState)) }
        : {}),
    };
  }

  /**
   * Re-reads the session (the read that carries the cryptogram and ECI) and applies it. With
   * `completeRefused` (the provider refused `complete` as past that step), a session that was not
   * completed and would not take `complete` ends the authentication: retrying cannot succeed.
   * `hint`: what the read should tell the provider (the CRes's transStatus).
   */
  async refresh(
    authentication: AuthenticationEntity,
    source: string,
    options: { completeRefused?: boolean; hint?: ReadHint } = {},
  ): Promise<AuthenticationEntity> {
    if (!authentication.providerSessionId) return authentication;
    const snapshot = await this.providers
      .of(authentication.provider)
      .readSession(authentication.providerSessionId, this.contextOf(authentication), options.hint);
    const updated = await this.applySnapshot(authentication, snapshot, source);
    const settled = snapshot.completed
      ? 'completion_confirmed'
      : options.completeRefused && !snapshot.completable
        ? 'completion_refused'
        : undefined;
    if (settled && accepts(updated.state, settled)) {
      const detail = { [providerWord(authentication.provider, 'status')]: snapshot.providerStatus };
      return (
        await this.transitions.applyIfLegal(updated.id, { type: settled }, { source, detail })
      ).authentication;
    }
    return updated;
  }
}
