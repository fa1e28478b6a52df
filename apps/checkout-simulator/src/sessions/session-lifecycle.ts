import { SimulatorClock } from '@app/simulator-kit';
import { Injectable } from '@nestjs/common';
import { webhookForFinal } from '../delivery/webhook-payload.js';
import { WebhookSender } from '../delivery/webhook.sender.js';
import { AuthenticationEngine } from './authentication-engine.js';
import { isFinal, type ChallengeResult, type SimulatedSession } from './simulated-session.js';

/**
 * Time-driven moves (session expiry, unanswered challenges) on the simulated clock, and the
 * webhook that each final status sends, exactly once per session.
 */
@Injectable()
export class SessionLifecycle {
  private readonly announced = new WeakSet<SimulatedSession>();

  constructor(
    private readonly clock: SimulatorClock,
    private readonly engine: AuthenticationEngine,
    private readonly webhooks: WebhookSender,
  ) {}

  started(session: SimulatedSession): void {
    this.webhooks.emit('authentication_started', session);
    this.clock.at(session.expiresAt, () => this.catchUp(session));
  }

  /** Call after any status change: schedules the challenge time-out and announces final states. */
  moved(session: SimulatedSession): void {
    if (session.challengeDeadline !== undefined) {
      this.clock.at(session.challengeDeadline, () => this.catchUp(session));
    }
    if (isFinal(session) && !this.announced.has(session)) {
      this.announced.add(session);
      // A challenge time-out is `authentication_expired`, not `failed`
      // (docs/checkout-sessions.md#webhooks).
      const announced = webhookForFinal(session);
      if (announced) this.webhooks.emit(announced.type, session, announced.end);
    }
  }

  /**
   * The cardholder answered the challenge; the RReq reaches the session `delayMs` later, so the
   * CRes can reach the merchant while the session is still `challenged`.
   */
  answered(session: SimulatedSession, result: ChallengeResult, delayMs: number): void {
    if (delayMs === 0) {
      this.engine.finishChallenge(session, result);
      return this.moved(session);
    }
    const dueAt = this.clock.now() + delayMs;
    session.pendingRreq = { result, dueAt };
    session.challengeDeadline = undefined;
    this.clock.at(dueAt, () => this.catchUp(session));
  }

  /** Applies whatever time has made true; also run lazily before every read. */
  catchUp(session: SimulatedSession): void {
    const now = this.clock.now();
    if (session.pendingRreq && now >= session.pendingRreq.dueAt) {
      const { result } = session.pendingRreq;
      session.pendingRreq = undefined;
      this.engine.finishChallenge(session, result);
    } else if (
      session.status === 'challenged' &&
      session.challengeDeadline !== undefined &&
      now >= session.challengeDeadline
    ) {
      this.engine.abandonUnansweredChallenge(session);
    } else if (!isFinal(session) && now >= session.expiresAt) {
      this.engine.expire(session);
    }
    this.moved(session);
  }
}
