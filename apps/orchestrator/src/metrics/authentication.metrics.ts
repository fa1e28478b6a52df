import {
  indicatorOfDecision,
  isFailedOutcome,
  isFinal,
  requestedExemptionApplied,
  type AuthenticationEventType,
  type AuthenticationState,
} from '@app/domain';
import type { AuthenticationEntity } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { exemptionLabel, failureReasonLabel, flowOf, schemeLabel } from './metric-labels.js';

/** From a redirect's milliseconds to a challenge left open for the day. */
const STATE_SECONDS_BUCKETS = [
  0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180, 600, 1800, 3600, 86400,
];

type Row = Pick<
  AuthenticationEntity,
  | 'scheme'
  | 'cardBin'
  | 'channel'
  | 'teamId'
  | 'exemptionDecision'
  | 'dataQuality'
  | 'routingDecision'
>;

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
  private readonly outcomes: Counter<
    'team' | 'scheme' | 'channel' | 'exemption' | 'flow' | 'outcome'
  >;
  private readonly failureReasons: Counter<'team' | 'scheme' | 'reason'>;
  private readonly timeInState: Histogram<'state'>;
  private readonly exemptionDecisions: Counter<
    'team' | 'decided_by' | 'challenge_indicator' | 'rule'
  >;
  private readonly exemptionRequests: Counter<'team' | 'exemption' | 'applied'>;
  private readonly routingDecisions: Counter<'team' | 'provider' | 'rule' | 'fallback_used'>;
  private readonly dataQuality: Histogram<'team'>;
  private readonly dataElementsMissing: Counter<'team' | 'element'>;
  private readonly dataQualityRefusals: Counter<'team'>;

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
    this.outcomes = new Counter({
      name: 'threeds_authentication_outcomes_total',
      help: 'Outcomes known, per team and exemption sent (the finished count, in more detail)',
      labelNames: ['team', 'scheme', 'channel', 'exemption', 'flow', 'outcome'],
      registers: [registry],
    });
    this.failureReasons = new Counter({
      name: 'threeds_authentication_failure_reasons_total',
      help: 'Failed outcomes by reason: the flow ending, transStatus(_transStatusReason), status_reason',
      labelNames: ['team', 'scheme', 'reason'],
      registers: [registry],
    });
    this.timeInState = new Histogram({
      name: 'threeds_authentication_state_duration_seconds',
      help: 'Time an authentication spent in a state, observed when it leaves it',
      labelNames: ['state'],
      buckets: STATE_SECONDS_BUCKETS,
      registers: [registry],
    });
    this.exemptionDecisions = new Counter({
      name: 'threeds_exemption_decisions_total',
      help: 'Creates by how their challenge_indicator was chosen (request, policy rule, none)',
      labelNames: ['team', 'decided_by', 'challenge_indicator', 'rule'],
      registers: [registry],
    });
    this.exemptionRequests = new Counter({
      name: 'threeds_exemption_requests_total',
      help: 'Exemptions asked for, by whether the issuer applied them (counted with the result)',
      labelNames: ['team', 'exemption', 'applied'],
      registers: [registry],
    });
    this.routingDecisions = new Counter({
      name: 'threeds_routing_decisions_total',
      help: "Creates recorded, by the provider chosen, the team's routing rule (or default) and whether a fallback was used",
      labelNames: ['team', 'provider', 'rule', 'fallback_used'],
      registers: [registry],
    });
    this.dataQuality = new Histogram({
      name: 'threeds_data_quality_score',
      help: 'Data quality score (0-100) of the creates recorded (docs/data-quality.md)',
      labelNames: ['team'],
      buckets: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
      registers: [registry],
    });
    this.dataElementsMissing = new Counter({
      name: 'threeds_data_elements_missing_total',
      help: 'Data elements the creates recorded were missing, by element',
      labelNames: ['team', 'element'],
      registers: [registry],
    });
    this.dataQualityRefusals = new Counter({
      name: 'threeds_data_quality_refusals_total',
      help: "Creates refused with DATA_QUALITY_TOO_LOW (below the team's minimum)",
      labelNames: ['team'],
      registers: [registry],
    });
  }

  authenticationStarted(row: Row): void {
    this.started.inc({ scheme: schemeLabel(row.scheme, row.cardBin), channel: row.channel });
    const routing = row.routingDecision;
    if (routing) {
      this.routingDecisions.inc({
        team: row.teamId,
        provider: routing.provider,
        rule: routing.rule,
        fallback_used: String(routing.fallback_used),
      });
    }
    if (row.dataQuality) {
      this.dataQuality.observe({ team: row.teamId }, row.dataQuality.score);
      for (const element of row.dataQuality.missing) {
        this.dataElementsMissing.inc({ team: row.teamId, element });
      }
    }
    const decision = row.exemptionDecision;
    if (decision) {
      this.exemptionDecisions.inc({
        team: row.teamId,
        decided_by: decision.decided_by,
        challenge_indicator: exemptionLabel(decision),
        rule: decision.decided_by === 'policy' ? decision.rule : 'none',
      });
    }
  }

  authenticationMoved({ before, to, event, after }: CommittedMove): void {
    // Only transitions write `updated_at` (with the database clock), so the two rows bracket
    // the time in `before.state`, unless another move slipped in before the read-back.
    if (after.version === before.version + 1) {
      const seconds = (after.updatedAt.getTime() - before.updatedAt.getTime()) / 1000;
      this.timeInState.observe({ state: before.state }, Math.max(0, seconds));
    }
    if (isFinal(to) && !isFinal(before.state)) {
      const finished = {
        outcome: after.outcome ?? 'unknown',
        scheme: schemeLabel(after.scheme, after.cardBin),
        channel: after.channel,
        flow: flowOf(before.state, event),
      };
      this.finished.inc(finished);
      this.outcomes.inc({
        ...finished,
        team: after.teamId,
        exemption: exemptionLabel(after.exemptionDecision),
      });
      if (isFailedOutcome(after.outcome)) {
        this.failureReasons.inc({
          team: after.teamId,
          scheme: finished.scheme,
          reason: failureReasonLabel(after.outcome, after.result, after.failureReason),
        });
      }
      this.exemptionAnswered(after);
    }
  }

  dataQualityRefused(team: string): void {
    this.dataQualityRefusals.inc({ team });
  }

  private exemptionAnswered(after: AuthenticationEntity): void {
    const decision = after.exemptionDecision;
    const applied = requestedExemptionApplied(
      decision,
      after.result?.exemption_applied,
      after.result?.response_code !== undefined,
    );
    if (applied === undefined || !decision) return;
    this.exemptionRequests.inc({
      team: after.teamId,
      exemption: indicatorOfDecision(decision)!,
      applied: String(applied),
    });
  }
}
