import { registerAs, type ConfigType } from '@nestjs/config';
import { loadExemptionPolicies } from './exemption-policies.js';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

/** How the service chooses for a team (docs/exemption-policy.md). */
export const strategyConfig = registerAs('strategy', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    /** Team → the policy that picks its `challenge_indicator`; absent: the request's own. */
    exemptionPolicies: loadExemptionPolicies(env).byTeam,
  };
});
export type StrategyConfig = ConfigType<typeof strategyConfig>;
