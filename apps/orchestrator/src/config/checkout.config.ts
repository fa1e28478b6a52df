import { registerAs, type ConfigType } from '@nestjs/config';
import {
  parseChannels,
  parseTeamProcessingChannels,
  type ProcessingChannels,
} from './checkout-channels.js';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

export const checkoutConfig = registerAs('checkout', () => {
  const env = validateOrchestratorEnvironment(process.env);
  const processingChannels: ProcessingChannels = {
    default: env.CHECKOUT_PROCESSING_CHANNEL_ID,
    byTeam: parseTeamProcessingChannels(env.TEAM_PROCESSING_CHANNELS),
  };
  return {
    /** Which adapter serves the provider port; this file holds Checkout's own settings. */
    provider: env.THREEDS_PROVIDER,
    apiUrl: env.CHECKOUT_API_URL,
    tokenUrl: env.CHECKOUT_TOKEN_URL,
    clientId: env.CHECKOUT_CLIENT_ID,
    clientSecret: env.CHECKOUT_CLIENT_SECRET,
    timeoutMs: env.CHECKOUT_TIMEOUT_MS,
    authenticationTimeoutMs: env.CHECKOUT_AUTHENTICATION_TIMEOUT_MS,
    /** Creates on another channel are refused; the token carries these channels' scopes. */
    channels: parseChannels(env.CHECKOUT_CHANNELS),
    /** Which team may send which `processing_channel_id` (the first of a team's is its own). */
    processingChannels,
  };
});
export type CheckoutConfig = ConfigType<typeof checkoutConfig>;
