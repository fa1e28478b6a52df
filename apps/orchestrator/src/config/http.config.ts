import { registerAs, type ConfigType } from '@nestjs/config';
import { servesApiDocs, validateOrchestratorEnvironment } from './orchestrator.environment.js';

export const httpConfig = registerAs('http', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return { host: env.HOST, port: env.PORT, nodeEnv: env.NODE_ENV, apiDocs: servesApiDocs(env) };
});
export type HttpConfig = ConfigType<typeof httpConfig>;
