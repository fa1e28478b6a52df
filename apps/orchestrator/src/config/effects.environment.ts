import { EnvBoolean, HttpServerEnvironment } from '@app/common';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/**
 * The orchestrator's durable follow-ups: job queue, deadlines, Checkout webhooks and team
 * events. A base of OrchestratorEnvironment, kept apart so each file stays readable.
 */
export class EffectsEnvironment extends HttpServerEnvironment {
  /**
   * Authentication jobs (deadlines, `complete`, webhooks) one process runs at once, and the most
   * due deadlines and leases it claims at a time; each mostly waits on Checkout.
   */
  @IsInt()
  @Min(1)
  @Max(100)
  JOBS_CONCURRENCY: number = 8;

  /**
   * How often idle workers look for jobs that became due (new jobs wake them at once through
   * LISTEN/NOTIFY), and each process claims the authentications' due deadlines and leases.
   */
  @IsInt()
  @Min(10)
  JOBS_POLL_INTERVAL_MS: number = 1_000;

  /** Each process's heartbeat in `job_workers`. */
  @IsInt()
  @Min(10)
  JOBS_HEARTBEAT_MS: number = 5_000;

  /**
   * A worker pool silent this long is dead: any instance hands the jobs it held back to the
   * queue. Also the lease on a claimed deadline or `complete`: a process that dies holding one
   * leaves it due again after this. At least 3 × JOBS_HEARTBEAT_MS.
   */
  @IsInt()
  @Min(50)
  JOBS_WORKER_DEAD_AFTER_MS: number = 30_000;

  /**
   * After this, a row still `created` had its process die during POST /sessions. Longer than
   * any create can take (token and POST, twice after a 401: 2 × (CHECKOUT_TIMEOUT_MS +
   * CHECKOUT_AUTHENTICATION_TIMEOUT_MS)).
   */
  @IsInt()
  @Min(10)
  RECHECK_CREATION_MS: number = 60_000;

  /** How often a `creation_unknown` authentication (no known session) is looked at again. */
  @IsInt()
  @Min(10)
  RECHECK_SESSION_LOOKUP_MS: number = 60_000;

  /** First re-read of `awaiting_issuer_fingerprint`: EMV gives the 3DS Method 10 s to post back. */
  @IsInt()
  @Min(10)
  RECHECK_ISSUER_FINGERPRINT_MS: number = 10_000;

  /** First re-read of `awaiting_channel_data`. */
  @IsInt()
  @Min(10)
  RECHECK_CHANNEL_DATA_MS: number = 60_000;

  /** First re-read of `challenge_required`: the window the ACS gives the cardholder to answer. */
  @IsInt()
  @Min(10)
  RECHECK_CHALLENGE_MS: number = 600_000;

  /** Re-reads that find nothing new back off (×2, jittered) up to this interval. */
  @IsInt()
  @Min(10)
  RECHECK_MAX_INTERVAL_MS: number = 600_000;

  /**
   * A waiting session Checkout never ends is closed as failed (`checkout_session_stalled`) after
   * this (24 h: the cryptogram's life).
   */
  @IsInt()
  @Min(1_000)
  RECHECK_GIVE_UP_AFTER_MS: number = 86_400_000;

  /**
   * Checkout's session lifetime: an unknown creation no webhook linked by then is closed as
   * failed (`checkout_session_not_found`).
   */
  @IsInt()
  @Min(1)
  CHECKOUT_SESSION_LIFETIME_SECONDS: number = 900;

  /**
   * Attempts at `POST /sessions/{id}/complete` before giving up (the result stays
   * `result_ready`, final for the team).
   */
  @IsInt()
  @Min(1)
  COMPLETE_MAX_ATTEMPTS: number = 10;

  /** First retry delay of `complete`, then ×2, jittered, never before Checkout's `Retry-After`. */
  @IsInt()
  @Min(10)
  COMPLETE_RETRY_BASE_MS: number = 2_000;

  /**
   * `complete` is sent at once by the process that got the result; its job, written with the
   * result, runs only if that process died first, after this lease (longer than any Checkout
   * call takes, so the two never overlap).
   */
  @IsInt()
  @Min(1_000)
  COMPLETE_LEASE_MS: number = 30_000;

  /**
   * Keys of Checkout's `Cko-Signature` (hex HMAC-SHA256 of the raw body), comma-separated: the
   * current one and, during a rotation, the previous one. Unset: every webhook is refused.
   */
  @IsOptional()
  @Matches(/^[^,\s]{16,}(,[^,\s]{16,})?$/, {
    message: 'CHECKOUT_WEBHOOK_SECRETS must be one or two keys of 16+ characters, comma-separated',
  })
  CHECKOUT_WEBHOOK_SECRETS?: string;

  /** The fixed `Authorization` header configured on Checkout's webhook action, if any. */
  @IsOptional()
  @Matches(/^\S.{7,}$/, { message: 'CHECKOUT_WEBHOOK_AUTHORIZATION must be 8+ characters' })
  CHECKOUT_WEBHOOK_AUTHORIZATION?: string;

  /**
   * Team event deliveries one process makes at once, in a worker pool apart from the
   * authentication flow (a slow endpoint never delays an authentication).
   */
  @IsInt()
  @Min(1)
  @Max(100)
  TEAM_EVENTS_CONCURRENCY: number = 4;

  /** Attempts per event and endpoint before the delivery is dead-lettered. */
  @IsInt()
  @Min(1)
  @Max(50)
  TEAM_EVENTS_MAX_ATTEMPTS: number = 12;

  /** First retry delay of a delivery, then ×2, jittered. */
  @IsInt()
  @Min(10)
  TEAM_EVENTS_RETRY_BASE_MS: number = 30_000;

  /** The longest delay between two attempts of a delivery. */
  @IsInt()
  @Min(10)
  TEAM_EVENTS_RETRY_MAX_MS: number = 21_600_000;

  /** Deadline of one delivery attempt, for the whole exchange. */
  @IsInt()
  @Min(100)
  TEAM_EVENTS_TIMEOUT_MS: number = 10_000;

  /** A recovered endpoint gets its dead-lettered events back, one every this long. */
  @IsInt()
  @Min(10)
  TEAM_EVENTS_REDELIVERY_SPACING_MS: number = 1_000;

  /**
   * Development only (refused in production): allow `http://` and private, loopback or
   * link-local team endpoint addresses.
   */
  @EnvBoolean()
  TEAM_EVENTS_ALLOW_PRIVATE_TARGETS: boolean = false;

  /** Tests only (refused in production): named points where the process kills itself. */
  @IsOptional()
  @Matches(/^[a-z_]+(,[a-z_]+)*$/, { message: 'FAILPOINTS must be comma-separated names' })
  FAILPOINTS?: string;
}
