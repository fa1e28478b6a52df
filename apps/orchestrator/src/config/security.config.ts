import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

export const securityConfig = registerAs('security', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    publicUrl: env.PUBLIC_URL.replace(/\/$/, ''),
    /** API key → team. */
    apiKeys: new Map(
      env.API_KEYS.split(',').map((pair) => {
        const [team, key] = pair.split(':');
        return [key, team] as const;
      }),
    ),
    cryptogramKey: Buffer.from(env.CRYPTOGRAM_ENCRYPTION_KEY, 'base64'),
    cardFingerprintKey: env.CARD_FINGERPRINT_KEY,
  };
});
export type SecurityConfig = ConfigType<typeof securityConfig>;
