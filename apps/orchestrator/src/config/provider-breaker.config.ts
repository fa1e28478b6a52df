import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

/** Every provider's circuit breaker (docs/circuit-breaker.md). */
export const providerBreakerConfig = registerAs('providerBreaker', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    consecutiveFailures: env.PROVIDER_BREAKER_CONSECUTIVE_FAILURES,
    halfOpenAfterMs: env.PROVIDER_BREAKER_HALF_OPEN_AFTER_MS,
  };
});
export type ProviderBreakerConfig = ConfigType<typeof providerBreakerConfig>;
