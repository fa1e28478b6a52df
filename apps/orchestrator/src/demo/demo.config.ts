import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from '../config/orchestrator.environment.js';

/** Read only when DemoModule is loaded (DEMO_PAGE=true): validation requires the key then. */
export const demoConfig = registerAs('demo', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return { apiKey: env.DEMO_API_KEY! };
});
export type DemoConfig = ConfigType<typeof demoConfig>;

/** ConditionalModule's test: main.ts has already refused anything but `true` and `false`. */
export const demoPageEnabled = (env: NodeJS.ProcessEnv): boolean => env.DEMO_PAGE === 'true';
