import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

export const loggingConfig = registerAs('logging', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return { format: env.LOG_FORMAT, level: env.LOG_LEVEL };
});
export type LoggingConfig = ConfigType<typeof loggingConfig>;
