import { isFinal, type AuthenticationEventType, type AuthenticationState } from '@app/domain';
import type { AuthenticationEntity } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { flowOf, schemeLabel } from './metric-labels.js';

/** From a redirect's milliseconds to a challenge left open for the day. */
const STATE_SECONDS_BUCKETS = [
  0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180, 600, 1800, 3600, 86400,
];

type Row = Pick<AuthenticationEntity, 'scheme' | 'cardBin' | 'channel'>;

/** A committed move, as the transitions service made it. */
export interface CommittedMove {
  /** The row the move was decided on (its `updatedAt`: when it entered its state). */
  readonly before: AuthenticationEntity;
  readonly to: AuthenticationState;
  readonly event: AuthenticationEventType;
  /** The row read back after the commit. */
  readonly after: AuthenticationEntity;
}

/**
 * Authentications started and finished, and how long each state lasts. Called only after the
 * database commit, so a move that rolled back or lost its compare-and-set is never counted.
 */
@Injectable()
export class AuthenticationMetrics {
  private readonly started: Counter<'scheme' | 'channel'>;
  private readonly finished: Counter<'outcome' | 'scheme' | 'channel' | 'flow'>;
  private readonly timeInState: Histogram<'state'>;

  constructor(registry: Registry) {
    this.started = new Counter({
      name: 'threeds_authentications_started_total',
      help: 'Authentications created (POST /v1/authentications committed)',
      labelNames: ['scheme', 'channel'],
      registers: [registry],
    });
    this.finished = new Counter({
      name: 'threeds_authentications_finished_total',
      help: 'Authentications whose outcome became known (result_ready or closed)',
      labelNames: ['outcome', 'scheme', 'channel', 'flow'],
      registers: [registry],
    });
    this.timeInState = new Histogram({
      name: 'threeds_authentication_state_duration_seconds',
      help: 'Time an authentication spent in a state, observed when it leaves it',
      labelNames: ['state'],
      buckets: STATE_SECONDS_BUCKETS,
      registers: [registry],
    });
  }

  authenticationStarted(row: Row): void {
    this.started.inc({ scheme: schemeLabel(row.scheme, row.cardBin), channel: row.channel });
  }

  authenticationMoved({ before, to, event, after }: CommittedMove): void {
    // Only transitions write `updated_at` (with the database clock), so the two rows bracket
    // the time in `before.state`, unless another move slipped in before the read-back.
    if (after.version === before.version + 1) {
      const seconds = (after.updatedAt.getTime() - before.updatedAt.getTime()) / 1000;
      this.timeInState.observe({ state: before.state }, Math.max(0, seconds));
    }
    if (isFinal(to) && !isFinal(before.state)) {
      this.finished.inc({
        outcome: after.outcome ?? 'unknown',
        scheme: schemeLabel(after.scheme, after.cardBin),
        channel: after.channel,
        flow: flowOf(before.state, event),
      });
    }
  }
}
