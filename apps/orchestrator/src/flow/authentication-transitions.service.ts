import {
  IllegalTransitionError,
  ConcurrentUpdateError,
  patchFor,
  transition,
  type AuthenticationEvent,
} from '@app/domain';
import {
  AuthenticationRepository,
  type AuthenticationColumns,
  type AuthenticationEntity,
  type EventDetail,
  type KeyAnswer,
} from '@app/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { AuthenticationMetrics } from '../metrics/authentication.metrics.js';
import { FollowupPlanner } from './followups.planner.js';

const MAX_ATTEMPTS = 3;

export interface TransitionInput {
  /** Who brought the fact: api, the provider's callback, challenge_notification, deadline … */
  readonly source: string;
  /** Columns read from the provider, written with the move (next action, result fields …). */
  readonly columns?: AuthenticationColumns;
  readonly detail?: EventDetail;
  /**
   * Record an input that moved nothing in the timeline (default true). A deadline re-read that
   * found nothing new is not worth a row; a callback or a notification always is.
   */
  readonly recordIgnored?: boolean;
  /**
   * The row as the caller last read or wrote it: decided on without a read first (a stale one
   * only costs the compare-and-set a retry).
   */
  readonly current?: AuthenticationEntity;
  /** The Idempotency-Key's answer, rendered from the row as the move leaves it, kept with it. */
  readonly answer?: (after: AuthenticationEntity) => KeyAnswer;
}

/** Called after each committed move, e.g. to send what it set in motion without waiting. */
export type MoveListener = (from: AuthenticationEntity, after: AuthenticationEntity) => void;

export type TransitionOutcome =
  | { readonly moved: true; readonly authentication: AuthenticationEntity }
  | { readonly moved: false; readonly authentication: AuthenticationEntity };

/**
 * The only code that changes `state`: load → decide (pure table) → compare-and-set with the
 * timeline row and the move's follow-ups (jobs, team event) in one statement, re-reading on a
 * lost race.
 */
@Injectable()
export class AuthenticationTransitionsService {
  private readonly logger = new Logger(AuthenticationTransitionsService.name);
  private readonly listeners: MoveListener[] = [];

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly followups: FollowupPlanner,
    private readonly metrics: AuthenticationMetrics,
  ) {}

  onMoved(listener: MoveListener): void {
    this.listeners.push(listener);
  }

  /** For API calls: an illegal move is an error (409 ILLEGAL_TRANSITION). */
  async apply(
    id: string,
    event: AuthenticationEvent,
    input: TransitionInput,
  ): Promise<AuthenticationEntity> {
    const result = await this.applyIfLegal(id, event, input);
    if (!result.moved) throw new IllegalTransitionError(result.authentication.state, event.type);
    return result.authentication;
  }

  /**
   * For provider and browser inputs: duplicates and late arrivals are no-ops, recorded in the
   * timeline so support can see them.
   */
  async applyIfLegal(
    id: string,
    event: AuthenticationEvent,
    input: TransitionInput,
  ): Promise<TransitionOutcome> {
    let current = input.current;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      current ??= (await this.repository.findById(id)) ?? undefined;
      if (!current) throw new Error(`authentication ${id} vanished`);
      const decision = transition(current.state, event);
      if (!decision.ok) {
        if (input.recordIgnored === false) return { moved: false, authentication: current };
        await this.repository.recordInput(id, {
          event: `${event.type}_ignored`,
          source: input.source,
          detail: { ...input.detail, state: current.state },
        });
        return { moved: false, authentication: current };
      }
      const columns = { ...input.columns, ...patchFor(event) };
      const at = new Date();
      const after = {
        ...current,
        ...columns,
        state: decision.to,
        version: current.version + 1,
        updatedAt: at,
      };
      const written = await this.repository.applyTransition({
        authenticationId: id,
        from: decision.from,
        fromVersion: current.version,
        to: decision.to,
        columns,
        at,
        event: event.type,
        source: input.source,
        detail: input.detail,
        followups: this.followups.plan(decision.from, after),
        answer: input.answer?.(after),
      });
      if (written) {
        this.moved(current, written, event.type, input.source);
        return { moved: true, authentication: written };
      }
      current = undefined;
    }
    throw new ConcurrentUpdateError(id);
  }

  private moved(
    before: AuthenticationEntity,
    after: AuthenticationEntity,
    event: AuthenticationEvent['type'],
    source: string,
  ): void {
    this.logger.log({
      msg: 'authentication transition',
      id: after.id,
      from: before.state,
      to: after.state,
      event,
      source,
    });
    this.metrics.authenticationMoved({ before, to: after.state, event, after });
    for (const listener of this.listeners) listener(before, after);
  }
}
