import type { RecheckDeadline } from '@app/domain';
import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

export const jobsConfig = registerAs('jobs', () => {
  const env = validateOrchestratorEnvironment(process.env);
  const recheckMs: Record<RecheckDeadline, number> = {
    creation: env.RECHECK_CREATION_MS,
    session_lookup: env.RECHECK_SESSION_LOOKUP_MS,
    issuer_fingerprint: env.RECHECK_ISSUER_FINGERPRINT_MS,
    channel_data: env.RECHECK_CHANNEL_DATA_MS,
    challenge: env.RECHECK_CHALLENGE_MS,
  };
  return {
    concurrency: env.JOBS_CONCURRENCY,
    /** Team deliveries run in a pool of their own: a slow endpoint never delays a flow. */
    deliveryConcurrency: env.TEAM_EVENTS_CONCURRENCY,
    pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
    heartbeatMs: env.JOBS_HEARTBEAT_MS,
    workerDeadAfterMs: env.JOBS_WORKER_DEAD_AFTER_MS,
    /** First re-read after entering a waiting state; later ones back off up to the cap. */
    recheckMs,
    recheckMaxIntervalMs: env.RECHECK_MAX_INTERVAL_MS,
    giveUpAfterMs: env.RECHECK_GIVE_UP_AFTER_MS,
    sessionLifetimeMs: env.CHECKOUT_SESSION_LIFETIME_SECONDS * 1000,
    complete: {
      maxAttempts: env.COMPLETE_MAX_ATTEMPTS,
      leaseMs: env.COMPLETE_LEASE_MS,
      backoff: { baseMs: env.COMPLETE_RETRY_BASE_MS, capMs: env.RECHECK_MAX_INTERVAL_MS },
    },
    /** Tests only: named points where the process kills itself (see Failpoints). */
    failpoints: (env.FAILPOINTS ?? '').split(',').filter(Boolean),
  };
});
export type JobsConfig = ConfigType<typeof jobsConfig>;
