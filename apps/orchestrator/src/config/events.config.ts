import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

/** Inbound Checkout webhooks and outbound team events. */
export const eventsConfig = registerAs('events', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    checkoutWebhook: {
      /** Current key first; a second one is accepted during a rotation. */
      secrets: (env.CHECKOUT_WEBHOOK_SECRETS ?? '').split(',').filter(Boolean),
      authorization: env.CHECKOUT_WEBHOOK_AUTHORIZATION,
    },
    teamDelivery: {
      maxAttempts: env.TEAM_EVENTS_MAX_ATTEMPTS,
      backoff: { baseMs: env.TEAM_EVENTS_RETRY_BASE_MS, capMs: env.TEAM_EVENTS_RETRY_MAX_MS },
      timeoutMs: env.TEAM_EVENTS_TIMEOUT_MS,
      redeliverySpacingMs: env.TEAM_EVENTS_REDELIVERY_SPACING_MS,
      allowPrivateTargets: env.TEAM_EVENTS_ALLOW_PRIVATE_TARGETS,
    },
  };
});
export type EventsConfig = ConfigType<typeof eventsConfig>;
