import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

export const checkoutConfig = registerAs('checkout', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    apiUrl: env.CHECKOUT_API_URL,
    tokenUrl: env.CHECKOUT_TOKEN_URL,
    clientId: env.CHECKOUT_CLIENT_ID,
    clientSecret: env.CHECKOUT_CLIENT_SECRET,
    timeoutMs: env.CHECKOUT_TIMEOUT_MS,
  };
});
export type CheckoutConfig = ConfigType<typeof checkoutConfig>;
