import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

export const pollerConfig = registerAs('poller', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    intervalMs: env.POLLER_INTERVAL_MS,
    staleAfterMs: env.POLLER_STALE_AFTER_MS,
    batchSize: 50,
  };
});
export type PollerConfig = ConfigType<typeof pollerConfig>;
