import {
  DataQualityTooLowError,
  decideExemption,
  exemptionFactsOf,
  indicatorOfDecision,
  scoreDataQuality,
  type DataQuality,
  type ExemptionDecision,
  type SessionRequest,
} from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { strategyConfig, type StrategyConfig } from '../config/strategy.config.js';
import { AuthenticationMetrics } from '../metrics/authentication.metrics.js';

/** A create as the team's strategy leaves it, before anything is recorded. */
export interface StrategyApplied {
  /** What goes to the provider: the request with the decided `challenge_indicator`. */
  readonly request: SessionRequest;
  readonly exemption: ExemptionDecision;
  readonly dataQuality: DataQuality;
}

/**
 * What the service decides for a team about a create (docs/exemption-policy.md,
 * docs/data-quality.md): its data quality, refused below the team's minimum, and the
 * `challenge_indicator` its exemption policy chooses when the request names none.
 */
@Injectable()
export class CreateStrategy {
  constructor(
    @Inject(strategyConfig.KEY) private readonly config: StrategyConfig,
    private readonly metrics: AuthenticationMetrics,
  ) {}

  /** Throws DataQualityTooLowError before anything is recorded or sent. */
  apply(team: string, asked: SessionRequest): StrategyApplied {
    const dataQuality = scoreDataQuality(asked);
    const minimum = this.config.dataQualityMinimums.get(team);
    if (minimum !== undefined && dataQuality.score < minimum) {
      this.metrics.dataQualityRefused(team);
      throw new DataQualityTooLowError(dataQuality.score, minimum, dataQuality.missing);
    }
    const exemption = decideExemption(
      asked.challenge_indicator,
      this.config.exemptionPolicies.get(team),
      exemptionFactsOf(asked),
    );
    const request = { ...asked, challenge_indicator: indicatorOfDecision(exemption) };
    return { request, exemption, dataQuality };
  }
}

/** The decision in the timeline's flat detail: what was sent, and who chose it. */
export function exemptionDetail(decision: ExemptionDecision): Record<string, string> {
  const indicator = indicatorOfDecision(decision);
  return {
    exemption_decided_by: decision.decided_by,
    ...(indicator && { challenge_indicator: indicator }),
    ...(decision.decided_by === 'policy' && {
      exemption_policy_version: decision.policy_version,
      exemption_rule: decision.rule,
    }),
  };
}
