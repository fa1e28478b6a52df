import { registerAs, type ConfigType } from '@nestjs/config';
import type { SessionScope } from '../oauth/access-token.service.js';
import { validateSimulatorEnvironment } from './simulator.environment.js';

export const simulatorConfig = registerAs('simulator', () => {
  const env = validateSimulatorEnvironment(process.env);
  return {
    publicUrl: env.SIMULATOR_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`,
    clientId: env.SIMULATOR_CLIENT_ID,
    clientSecret: env.SIMULATOR_CLIENT_SECRET,
    /** Undefined: the client is bound to no processing channel. */
    boundProcessingChannel:
      env.SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID === 'none'
        ? undefined
        : env.SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID,
    /** Undefined: every well-formed processing channel id is the client's entity's. */
    entityProcessingChannels:
      env.SIMULATOR_PROCESSING_CHANNELS === 'any'
        ? undefined
        : env.SIMULATOR_PROCESSING_CHANNELS.split(','),
    /** What the client may be granted (and is, when it asks for no scope). */
    clientScopes: env.SIMULATOR_CLIENT_SCOPES.split(',') as SessionScope[],
    tokenTtlSeconds: env.SIMULATOR_TOKEN_TTL_SECONDS,
    sessionTtlSeconds: env.SIMULATOR_SESSION_TTL_SECONDS,
    challengeTtlSeconds: env.SIMULATOR_CHALLENGE_TTL_SECONDS,
    rreqDelayMs: env.SIMULATOR_RREQ_DELAY_MS,
    issuer: {
      dataDrivenChallenges: env.SIMULATOR_DATA_DRIVEN_CHALLENGES,
      riskSeed: env.SIMULATOR_RISK_SEED,
    },
    webhook: {
      url: env.SIMULATOR_WEBHOOK_URL,
      secret: env.SIMULATOR_WEBHOOK_SECRET,
      authorization: env.SIMULATOR_WEBHOOK_AUTHORIZATION,
      retryScale: env.SIMULATOR_WEBHOOK_RETRY_SCALE,
    },
    controlApi: env.SIMULATOR_CONTROL_API,
  };
});
export type SimulatorConfig = ConfigType<typeof simulatorConfig>;
