import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

/** The claim ledger (docs/claims.md). */
export const claimsConfig = registerAs('claims', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    /** How long after the result (its move into a final state) a payment may claim it. */
    validityMs: env.RESULT_CLAIM_VALIDITY_SECONDS * 1000,
  };
});
export type ClaimsConfig = ConfigType<typeof claimsConfig>;
