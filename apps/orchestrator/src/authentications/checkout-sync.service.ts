import {
  accepts,
  hostedEvent,
  ThreeDsProvider,
  type ProviderReturnUrls,
  type ProviderSessionContext,
  type ProviderSnapshot,
} from '@app/domain';
import type { AuthenticationColumns, AuthenticationEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { SecretBox } from '../security/secret-box.js';
import {
  AuthenticationTransitionsService,
  type TransitionInput,
  type TransitionOutcome,
} from './authentication-transitions.service.js';

/** Our two return pages, as `completion.success_url` and `completion.failure_url`. */
export const HOSTED_RETURN_PAGES = ['success', 'failure'] as const;
export type HostedReturnPage = (typeof HOSTED_RETURN_PAGES)[number];

/** Timeline source of re-reads made because a deadline passed. */
export const DEADLINE_SOURCE = 'deadline';

/**
 * Brings an authentication in line with its provider session: whatever told us something
 * happened (API answer, challenge notification, callback, webhook, deadline), the session read is
 * the truth (docs/design.md#provider-port). What a move sets in motion (`complete`, the team event) commits with it as jobs.
 */
@Injectable()
export class CheckoutSync {
  constructor(
    private readonly provider: ThreeDsProvider,
    private readonly transitions: AuthenticationTransitionsService,
    private readonly secrets: SecretBox,
    @Inject(securityConfig.KEY) private readonly config: SecurityConfig,
  ) {}

  methodNotificationUrl(id: string): string {
    return `${this.config.browserBaseUrl}/notifications/3ds-method/${id}`;
  }

  challengeNotificationUrl(id: string): string {
    return `${this.config.browserBaseUrl}/notifications/challenge/${id}`;
  }

  callbackUrl(id: string, token: string): string {
    return `${this.config.callbackBaseUrl}/callbacks/checkout/${id}/${token}`;
  }

  /** Where Checkout's hosted page sends the cardholder back to us (docs/design.md#hosted-sessions). */
  hostedReturnUrl(id: string, token: string, page: HostedReturnPage): string {
    return `${this.config.browserBaseUrl}/hosted/${id}/${token}/${page}`;
  }

  /** Our URLs the provider reports to, each carrying the per-authentication token. */
  returnUrls(id: string, token: string): ProviderReturnUrls {
    return {
      callback: this.callbackUrl(id, token),
      challengeNotification: this.challengeNotificationUrl(id),
      hostedSuccess: this.hostedReturnUrl(id, token, 'success'),
      hostedFailure: this.hostedReturnUrl(id, token, 'failure'),
    };
  }

  /** What the provider needs to know of our side to describe the session. */
  contextOf(authentication: Pick<AuthenticationEntity, 'id' | 'channel' | 'hosted'>) {
    return {
      channel: authentication.channel,
      hosted: Boolean(authentication.hosted),
      methodNotificationUrl: this.methodNotificationUrl(authentication.id),
    } satisfies ProviderSessionContext;
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
      detail: { checkout_status: snapshot.providerStatus },
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
    };
  }

  /** Re-reads the session (the read that carries the cryptogram and ECI) and applies it. */
  async refresh(
    authentication: AuthenticationEntity,
    source: string,
  ): Promise<AuthenticationEntity> {
    if (!authentication.providerSessionId) return authentication;
    const snapshot = await this.provider.readSession(
      authentication.providerSessionId,
      this.contextOf(authentication),
    );
    const updated = await this.applySnapshot(authentication, snapshot, source);
    if (snapshot.completed && accepts(updated.state, 'completion_confirmed')) {
      return (
        await this.transitions.applyIfLegal(
          updated.id,
          { type: 'completion_confirmed' },
          { source },
        )
      ).authentication;
    }
    return updated;
  }
}
