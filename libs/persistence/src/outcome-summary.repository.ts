import {
  EXEMPTION_REQUESTS,
  FAILED_OUTCOMES,
  FINAL_STATES,
  SUCCESSFUL_OUTCOMES,
  UNANSWERED_OUTCOMES,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * How the caller names a group's scheme and an outcome's flow, the words its metrics use, so
 * that a summary and a dashboard count alike.
 */
export interface OutcomeSummaryTerms {
  /** Scheme names kept as they are; any other is `other`, neither scheme nor BIN `unknown`. */
  readonly schemes: readonly string[];
  /** The ranges a BIN names its scheme by (first match), until the provider names one. */
  readonly binRanges: readonly {
    readonly low: string;
    readonly high: string;
    readonly scheme: string;
  }[];
  /** An outcome reached from one of these states is a challenge's … */
  readonly challengeStates: readonly string[];
  /** … else a frictionless one when one of these events brought it; else neither. */
  readonly resultEvents: readonly string[];
}

export interface OutcomeSummaryQuery {
  readonly teamId: string;
  /** Authentications created from `from` (inclusive) to `to` (exclusive). */
  readonly from: Date;
  readonly to: Date;
  /** Failure reasons kept per group, the most frequent first. */
  readonly topReasons: number;
  readonly terms: OutcomeSummaryTerms;
}

/** One combination of the provider's codes and our own words behind failed outcomes. */
export interface FailureReasonCount {
  readonly outcome: string;
  readonly response_code: string | null;
  readonly response_status_reason: string | null;
  readonly status_reason: string | null;
  readonly challenge_cancel_reason: string | null;
  readonly failure_reason: string | null;
  readonly count: number;
}

/** The authentications of one scheme × channel × exemption (and whether it was applied). */
export interface OutcomeGroup {
  readonly scheme: string;
  readonly channel: string;
  /** The `challenge_indicator` sent, or `none`. */
  readonly exemption: string;
  /** For an exemption asked for, once the issuer answered: applied; else null. */
  readonly exemptionApplied: boolean | null;
  readonly total: number;
  /** Their outcome is known (a final state). */
  readonly finished: number;
  readonly frictionless: number;
  readonly challenged: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Challenged, and the cardholder never answered. */
  readonly abandoned: number;
  readonly failureReasons: readonly FailureReasonCount[];
}

/** Read-only summaries of the authentications table for a team. */
@Injectable()
export class OutcomeSummaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A team's authentications created in a window, grouped, in one statement. The flow is read
   * from the timeline row that entered a final state: where it came from and by which event.
   */
  summarize({ teamId, from, to, topReasons, terms }: OutcomeSummaryQuery): Promise<OutcomeGroup[]> {
    return this.dataSource.query(
      `WITH ranges AS (
         SELECT * FROM unnest($4::text[], $5::text[], $6::text[])
           WITH ORDINALITY AS r(low, high, scheme, position)
       ),
       labelled AS (
         SELECT
           CASE
             WHEN nullif(a.scheme, '') IS NULL AND nullif(a.card_bin, '') IS NULL THEN 'unknown'
             WHEN named.scheme = ANY($7::text[]) THEN named.scheme
             ELSE 'other'
           END AS scheme,
           a.channel,
           coalesce(a.exemption_decision->>'challenge_indicator', 'none') AS exemption,
           CASE
             WHEN a.exemption_decision->>'challenge_indicator' = ANY($8::text[])
               AND a.result->>'response_code' IS NOT NULL
             THEN coalesce(a.result->>'exemption_applied', 'none') <> 'none'
           END AS exemption_applied,
           a.state = ANY($9::text[]) AS finished,
           CASE
             WHEN entered.from_state = ANY($10::text[]) THEN 'challenge'
             WHEN entered.event = ANY($11::text[]) THEN 'frictionless'
           END AS flow,
           a.outcome,
           a.result->>'response_code' AS response_code,
           a.result->>'response_status_reason' AS response_status_reason,
           a.result->>'status_reason' AS status_reason,
           a.result->>'challenge_cancel_reason' AS challenge_cancel_reason,
           a.failure_reason
         FROM authentications a
         LEFT JOIN LATERAL (
           SELECT e.from_state, e.event FROM authentication_events e
           WHERE e.authentication_id = a.id AND e.to_state = ANY($9::text[])
             AND NOT coalesce(e.from_state = ANY($9::text[]), false)
           ORDER BY e.id LIMIT 1
         ) entered ON a.state = ANY($9::text[])
         CROSS JOIN LATERAL (
           SELECT coalesce(nullif(a.scheme, ''), (
             SELECT r.scheme FROM ranges r
             WHERE left(a.card_bin, length(r.low)) COLLATE "C" BETWEEN r.low AND r.high
             ORDER BY r.position LIMIT 1
           )) AS scheme
         ) named
         WHERE a.team_id = $1 AND a.created_at >= $2 AND a.created_at < $3
       ),
       reasons AS (
         SELECT scheme, channel, exemption, exemption_applied, outcome, response_code,
                response_status_reason, status_reason, challenge_cancel_reason, failure_reason,
                count(*)::int AS count,
                row_number() OVER (
                  PARTITION BY scheme, channel, exemption, exemption_applied
                  ORDER BY count(*) DESC, outcome, response_code, response_status_reason,
                           status_reason, challenge_cancel_reason, failure_reason
                ) AS rank
         FROM labelled WHERE finished AND outcome = ANY($12::text[])
         GROUP BY scheme, channel, exemption, exemption_applied, outcome, response_code,
                  response_status_reason, status_reason, challenge_cancel_reason, failure_reason
       )
       SELECT scheme, channel, exemption, exemption_applied AS "exemptionApplied",
         count(*)::int AS total,
         count(*) FILTER (WHERE finished)::int AS finished,
         count(*) FILTER (WHERE finished AND flow = 'frictionless')::int AS frictionless,
         count(*) FILTER (WHERE finished AND flow = 'challenge')::int AS challenged,
         count(*) FILTER (WHERE finished AND outcome = ANY($13::text[]))::int AS succeeded,
         count(*) FILTER (WHERE finished AND outcome = ANY($12::text[]))::int AS failed,
         count(*) FILTER (
           WHERE finished AND flow = 'challenge' AND outcome = ANY($14::text[])
         )::int AS abandoned,
         coalesce((
           SELECT jsonb_agg(jsonb_build_object(
               'outcome', r.outcome, 'response_code', r.response_code,
               'response_status_reason', r.response_status_reason,
               'status_reason', r.status_reason,
               'challenge_cancel_reason', r.challenge_cancel_reason,
               'failure_reason', r.failure_reason, 'count', r.count
             ) ORDER BY r.rank)
           FROM reasons r
           WHERE r.scheme = labelled.scheme AND r.channel = labelled.channel
             AND r.exemption = labelled.exemption
             AND r.exemption_applied IS NOT DISTINCT FROM labelled.exemption_applied
             AND r.rank <= $15
         ), '[]'::jsonb) AS "failureReasons"
       FROM labelled
       GROUP BY scheme, channel, exemption, exemption_applied
       ORDER BY total DESC, scheme, channel, exemption, exemption_applied NULLS FIRST`,
      [
        teamId,
        from,
        to,
        terms.binRanges.map((range) => range.low),
        terms.binRanges.map((range) => range.high),
        terms.binRanges.map((range) => range.scheme),
        terms.schemes,
        EXEMPTION_REQUESTS,
        FINAL_STATES,
        terms.challengeStates,
        terms.resultEvents,
        FAILED_OUTCOMES,
        SUCCESSFUL_OUTCOMES,
        UNANSWERED_OUTCOMES,
        topReasons,
      ],
    );
  }
}
