import { registerAs, type ConfigType } from '@nestjs/config';
import { validateSimulatorEnvironment } from './simulator.environment.js';

export const simulatorConfig = registerAs('simulator', () => {
  const env = validateSimulatorEnvironment(process.env);
  return { clientId: env.SIMULATOR_CLIENT_ID, clientSecret: env.SIMULATOR_CLIENT_SECRET };
});
export type SimulatorConfig = ConfigType<typeof simulatorConfig>;
