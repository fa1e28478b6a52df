import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

export const httpConfig = registerAs('http', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return { host: env.HOST, port: env.PORT, nodeEnv: env.NODE_ENV };
});
export type HttpConfig = ConfigType<typeof httpConfig>;
