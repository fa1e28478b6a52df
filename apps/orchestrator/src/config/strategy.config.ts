import { registerAs, type ConfigType } from '@nestjs/config';
import { parseDataQualityMinimums } from './data-quality-minimums.js';
import { loadExemptionPolicies } from './exemption-policies.js';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';
import { loadRoutingPolicies } from './routing-policies.js';

/** How the service chooses for a team (docs/exemption-policy.md). */
export const strategyConfig = registerAs('strategy', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    /** Team → the policy that picks its `challenge_indicator`; absent: the request's own. */
    exemptionPolicies: loadExemptionPolicies(env).byTeam,
    /** Team → the least data quality score a create must have; absent: scored, never refused. */
    dataQualityMinimums: parseDataQualityMinimums(env.DATA_QUALITY_MINIMUMS),
    /** Team → the policy that chooses its creates' provider; absent: THREEDS_PROVIDER. */
    routingPolicies: loadRoutingPolicies(env).byTeam,
  };
});
export type StrategyConfig = ConfigType<typeof strategyConfig>;
