import { registerAs, type ConfigType } from '@nestjs/config';
import {
  browserBaseUrl,
  callbackBaseUrl,
  validateOrchestratorEnvironment,
} from './orchestrator.environment.js';

export const securityConfig = registerAs('security', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    /** Base of `callback_url`, as Checkout's servers reach us. */
    callbackBaseUrl: callbackBaseUrl(env),
    /** Base of the notification pages, as cardholders' browsers reach us. */
    browserBaseUrl: browserBaseUrl(env),
    /** API key → team, from API_KEYS: seeded into the api_keys table at start-up. */
    apiKeys: new Map(
      (env.API_KEYS ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const [team, key] = pair.split(':');
          return [key, team] as const;
        }),
    ),
    cryptogramKey: Buffer.from(env.CRYPTOGRAM_ENCRYPTION_KEY, 'base64'),
    cardFingerprintKey: env.CARD_FINGERPRINT_KEY,
    rateLimits: {
      apiPerMinute: env.RATE_LIMIT_API_PER_MINUTE,
      browserPerMinute: env.RATE_LIMIT_BROWSER_PER_MINUTE,
      checkoutPerMinute: env.RATE_LIMIT_CHECKOUT_PER_MINUTE,
      adyenPerMinute: env.RATE_LIMIT_ADYEN_PER_MINUTE,
    },
    frameAncestors: env.FRAME_ANCESTORS,
    /** Re-reads that callbacks and browser notifications trigger: at most one per this long. */
    rereadCooldownMs: env.REREAD_COOLDOWN_MS,
    /** Re-reads browser and app notifications may cause per authentication, ever. */
    rereadBudget: env.REREAD_BUDGET,
  };
});
export type SecurityConfig = ConfigType<typeof securityConfig>;
