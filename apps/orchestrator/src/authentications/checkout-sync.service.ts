import {
  CheckoutSessionsClient,
  eventForSession,
  type CheckoutSession,
} from '@app/checkout-client';
import { DomainError } from '@app/domain';
import type { AuthenticationEntity } from '@app/persistence';
import { AuthenticationRepository } from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { SecretBox } from '../security/secret-box.js';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { snapshotColumns } from './checkout-session.snapshot.js';

/**
 * Brings an authentication in line with its Checkout session: whatever told us something
 * happened (API answer, challenge notification, callback), the session read is the truth.
 * Entering `result_ready` triggers `complete`, whose 204 means Checkout delivered the callback.
 */
@Injectable()
export class CheckoutSync {
  private readonly logger = new Logger(CheckoutSync.name);

  constructor(
    private readonly checkout: CheckoutSessionsClient,
    private readonly transitions: AuthenticationTransitionsService,
    private readonly repository: AuthenticationRepository,
    private readonly secrets: SecretBox,
    @Inject(securityConfig.KEY) private readonly config: SecurityConfig,
  ) {}

  methodNotificationUrl(id: string): string {
    return `${this.config.publicUrl}/notifications/3ds-method/${id}`;
  }

  challengeNotificationUrl(id: string): string {
    return `${this.config.publicUrl}/notifications/challenge/${id}`;
  }

  callbackUrl(id: string, token: string): string {
    return `${this.config.publicUrl}/callbacks/checkout/${id}/${token}`;
  }

  /** Applies what a Checkout session body says; duplicate or stale news changes nothing. */
  async applySession(
    authentication: AuthenticationEntity,
    session: CheckoutSession,
    source: string,
  ): Promise<AuthenticationEntity> {
    const event = eventForSession(session, authentication.channel);
    if (!event) return authentication;
    const columns = this.columnsOf(authentication, session);
    const result = await this.transitions.applyIfLegal(authentication.id, event, {
      source,
      columns,
      detail: { checkout_status: session.status },
    });
    if (result.moved && result.authentication.state === 'result_ready') {
      this.requestCompletion(result.authentication);
    }
    return result.authentication;
  }

  columnsOf(authentication: AuthenticationEntity, session: CheckoutSession) {
    return snapshotColumns(session, {
      channel: authentication.channel,
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

  /** `POST /sessions/{id}/complete`, after the transaction committed; failures are recorded. */
  requestCompletion(authentication: AuthenticationEntity): void {
    const sessionId = authentication.checkoutSessionId;
    if (!sessionId) return;
    void this.complete(authentication.id, sessionId).catch((error: unknown) => {
      this.logger.error({
        msg: 'complete failed unexpectedly',
        id: authentication.id,
        error: String(error),
      });
    });
  }

  private async complete(id: string, sessionId: string): Promise<void> {
    try {
      await this.checkout.completeSession(sessionId);
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'UNEXPECTED';
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ msg: 'checkout complete failed', id, code, reason });
      await this.repository.recordInput(id, {
        event: 'complete_failed',
        source: 'orchestrator',
        detail: { code, reason },
      });
      return;
    }
    // Checkout answers 204 only after our callback_url accepted the result (FACTS §9.1).
    await this.transitions.applyIfLegal(
      id,
      { type: 'completion_confirmed' },
      { source: 'checkout_complete' },
    );
  }
}
