import { registerAs, type ConfigType } from '@nestjs/config';
import { adyenConfigured } from './adyen-settings.js';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

/** Adyen's account and deadlines (docs/adyen-adapter.md#5-configuration). */
export const adyenConfig = registerAs('adyen', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    /** ADYEN_API_KEY is set: the adapter serves the browser channel; else none. */
    configured: adyenConfigured(env),
    apiUrl: env.ADYEN_API_URL,
    paymentApiUrl: env.ADYEN_PAYMENT_API_URL,
    checkoutShopperUrl: env.ADYEN_CHECKOUTSHOPPER_URL,
    /** Empty when not configured: no call is ever routed to Adyen then. */
    apiKey: env.ADYEN_API_KEY ?? '',
    merchantAccount: env.ADYEN_MERCHANT_ACCOUNT ?? '',
    clientKey: env.ADYEN_CLIENT_KEY ?? '',
    /** Hex keys, the current one first (rotation). */
    hmacKeys: (env.ADYEN_HMAC_KEYS ?? '').split(',').filter(Boolean),
    webhookUsername: env.ADYEN_WEBHOOK_USERNAME,
    webhookPassword: env.ADYEN_WEBHOOK_PASSWORD,
    timeoutMs: env.ADYEN_TIMEOUT_MS,
    authenticationTimeoutMs: env.ADYEN_AUTHENTICATION_TIMEOUT_MS,
    authenticationLifetimeMs: env.ADYEN_AUTHENTICATION_LIFETIME_SECONDS * 1000,
    /**
     * RECHECK_CHALLENGE_MS: a challenge older than this without a CRes is asked for its result
     * with transStatus U, as adyen-web does at its challenge timeout.
     */
    challengeRecheckMs: env.RECHECK_CHALLENGE_MS,
  };
});
export type AdyenConfig = ConfigType<typeof adyenConfig>;
