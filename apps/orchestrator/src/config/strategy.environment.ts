import { IsOptional, IsString, Matches } from 'class-validator';
import { AdyenEnvironment } from './adyen.environment.js';
import { TEAM_MINIMUM_LIST } from './data-quality-minimums.js';
import { TEAM_POLICY_LIST } from './exemption-policies.js';

/**
 * How a team's creates are decided for it: exemption policy, data-quality minimum and routing. A
 * base of OrchestratorEnvironment, kept apart so each file stays readable.
 */
export class StrategyEnvironment extends AdyenEnvironment {
  /**
   * Which exemption policy chooses the `challenge_indicator` of a team's creates that send none:
   * `team:policy` entries, comma-separated; `default` is the service's own
   * (docs/exemption-policy.md). A team without an entry sends what its request says.
   */
  @IsOptional()
  @Matches(TEAM_POLICY_LIST, {
    message: 'EXEMPTION_POLICIES must be team:policy entries separated by commas',
  })
  EXEMPTION_POLICIES?: string;

  /** A JSON file of the teams' own policies, by name (docs/exemption-policy.md#policy-files). */
  @IsOptional()
  @IsString()
  EXEMPTION_POLICY_FILE?: string;

  /**
   * Teams whose creates must carry a data quality score of at least this (0–100), or get 422
   * `DATA_QUALITY_TOO_LOW` before anything is sent: `team:score` entries, comma-separated
   * (docs/data-quality.md). A team without an entry is scored, never refused.
   */
  @IsOptional()
  @Matches(TEAM_MINIMUM_LIST, {
    message: 'DATA_QUALITY_MINIMUMS must be team:score entries (0 to 100) separated by commas',
  })
  DATA_QUALITY_MINIMUMS?: string;

  /**
   * Which routing policy chooses the 3DS provider of a team's creates: `team:policy` entries,
   * comma-separated, naming policies of ROUTING_POLICY_FILE (docs/routing.md). A team without an
   * entry creates at THREEDS_PROVIDER.
   */
  @IsOptional()
  @Matches(TEAM_POLICY_LIST, {
    message: 'ROUTING_POLICIES must be team:policy entries separated by commas',
  })
  ROUTING_POLICIES?: string;

  /** A JSON file of the teams' routing policies, by name (docs/routing.md#the-rules). */
  @IsOptional()
  @IsString()
  ROUTING_POLICY_FILE?: string;
}
