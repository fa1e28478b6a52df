import {
  CheckoutSessionsClient,
  eventForSession,
  type CheckoutSession,
} from '@app/checkout-client';
import { hostedEvent } from '@app/domain';
import type { AuthenticationEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { SecretBox } from '../security/secret-box.js';
import {
  AuthenticationTransitionsService,
  type TransitionInput,
  type TransitionOutcome,
} from './authentication-transitions.service.js';
import { snapshotColumns } from './checkout-session.snapshot.js';

/** Our two return pages, as `completion.success_url` and `completion.failure_url`. */
export const HOSTED_RETURN_PAGES = ['success', 'failure'] as const;
export type HostedReturnPage = (typeof HOSTED_RETURN_PAGES)[number];

/** Timeline source of re-reads made because a deadline passed. */
export const DEADLINE_SOURCE = 'deadline';

/**
 * Brings an authentication in line with its Checkout session: whatever told us something
 * happened (API answer, challenge notification, callback, webhook, deadline), the session read is
 * the truth. What a move sets in motion (`complete`, the team event) commits with it as jobs.
 */
@Injectable()
export class CheckoutSync {
  constructor(
    private readonly checkout: CheckoutSessionsClient,
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

  /** Applies what a Checkout session body says; duplicate or stale news changes nothing. */
  async applySession(
    authentication: AuthenticationEntity,
    session: CheckoutSession,
    source: string,
  ): Promise<AuthenticationEntity> {
    return (await this.move(authentication, session, source))?.authentication ?? authentication;
  }

  /**
   * The move a session body implies, decided on `authentication` as given (a stale row costs a
   * retry, never a wrong move); null when the body implies none.
   */
  async move(
    authentication: AuthenticationEntity,
    session: CheckoutSession,
    source: string,
    options: Pick<TransitionInput, 'answer'> = {},
  ): Promise<TransitionOutcome | null> {
    const read = eventForSession(session, authentication.channel);
    if (!read) return null;
    const event = authentication.hosted ? hostedEvent(read) : read;
    return this.transitions.applyIfLegal(authentication.id, event, {
      source,
      columns: this.columnsOf(authentication, session),
      detail: { checkout_status: session.status },
      recordIgnored: source !== DEADLINE_SOURCE,
      current: authentication,
      ...options,
    });
  }

  columnsOf(authentication: AuthenticationEntity, session: CheckoutSession) {
    return snapshotColumns(session, {
      channel: authentication.channel,
      hosted: Boolean(authentication.hosted),
      methodNotificationUrl: this.methodNotificationUrl(authentication.id),
      encrypt: (plaintext) => this.secrets.encrypt(plaintext),
    });
  }

  /** Re-reads the session with OAuth (the only read with cryptogram and ECI) and applies it. */
  async refresh(
    authentication: AuthenticationEntity,
    source: string,
  ): Promise<AuthenticationEntity> {
    if (!authentication.checkoutSessionId) return authentication;
    const session = await this.checkout.getSession(authentication.checkoutSessionId);
    const updated = await this.applySession(authentication, session, source);
    if (session.completed && updated.state === 'result_ready') {
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
