import { isTransStatus } from '@app/domain';
import { jobKeySql } from './job-sql.js';
import type { JobSpec } from './job-queue.js';

/**
 * The worker's task identifiers: the only names jobs are written with. They are stored with every
 * queued job, so they keep the names they were first written with (a renamed task would strand the
 * jobs a previous release queued).
 */
export const TASKS = {
  recheck: 'recheck_authentication',
  completeSession: 'complete_checkout_session',
  deliverTeamEvent: 'deliver_team_event',
  providerEvent: 'process_checkout_event',
} as const;
export type TaskName = (typeof TASKS)[keyof typeof TASKS];

/** Job keys are `<prefix>:<id>`: at most one pending job per key (a new one replaces it). */
const KEY_PREFIXES = {
  recheck: 'recheck',
  completeSession: 'complete',
  deliverTeamEvent: 'delivery',
  providerEvent: 'checkout-event',
} as const satisfies Record<keyof typeof TASKS, string>;

export const recheckJobKey = (authenticationId: string) =>
  `${KEY_PREFIXES.recheck}:${authenticationId}`;
export const completeSessionJobKey = (authenticationId: string) =>
  `${KEY_PREFIXES.completeSession}:${authenticationId}`;
const deliveryJobKey = (deliveryId: string) => `${KEY_PREFIXES.deliverTeamEvent}:${deliveryId}`;

/**
 * One pending deadline per authentication: a new one (a move, a reschedule) replaces it.
 * `baseMs`: the backoff base of the re-reads that follow, instead of the state's deadline.
 * `notified`: a notification asked for these re-reads, so each spends its REREAD_BUDGET.
 * `challengeTransStatus`: the CRes's transStatus, handed to each re-read (ReadHint).
 */
export function recheckJob(
  authenticationId: string,
  attempt: number,
  delayMs: number,
  options: {
    readonly baseMs?: number;
    readonly notified?: boolean;
    readonly challengeTransStatus?: string;
  } = {},
): JobSpec {
  return {
    task: TASKS.recheck,
    payload: {
      authentication_id: authenticationId,
      attempt,
      ...(options.baseMs === undefined ? {} : { base_ms: options.baseMs }),
      ...(options.notified ? { notified: true } : {}),
      ...(options.challengeTransStatus
        ? { challenge_trans_status: options.challengeTransStatus }
        : {}),
    },
    runAfterMs: delayMs,
    key: recheckJobKey(authenticationId),
  };
}

export function completeSessionJob(
  authenticationId: string,
  attempt: number,
  delayMs: number,
): JobSpec {
  return {
    task: TASKS.completeSession,
    payload: { authentication_id: authenticationId, attempt },
    runAfterMs: delayMs,
    key: completeSessionJobKey(authenticationId),
  };
}

/** What a provider event's job needs to act (the event's body itself is not kept). */
export interface ProviderEventPayload {
  /** The provider that sent it; absent in jobs queued before routing: THREEDS_PROVIDER. */
  readonly provider?: string;
  readonly event_id: string;
  readonly type: string;
  readonly session_id: string;
  readonly reference: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
  /** ISO time the provider raised the event (or we received it). */
  readonly event_at: string;
  readonly attempt: number;
}

/** One job per provider event id. */
export function providerEventJob(payload: ProviderEventPayload, delayMs: number): JobSpec {
  return {
    task: TASKS.providerEvent,
    payload: { ...payload },
    runAfterMs: delayMs,
    key: `${KEY_PREFIXES.providerEvent}:${payload.event_id}`,
  };
}

/** One attempt to deliver one team event to one endpoint. */
export function deliveryJob(deliveryId: string, delayMs: number): JobSpec {
  return {
    task: TASKS.deliverTeamEvent,
    payload: { delivery_id: deliveryId },
    runAfterMs: delayMs,
    key: deliveryJobKey(deliveryId),
  };
}

/**
 * deliveryJob for each row of `from` (its `id`), as rows for addJobsSql; due `runAfterMs` (SQL)
 * after the transaction's start.
 */
export const deliveryJobRows = (from: string, runAfterMs = '0'): string =>
  `SELECT '${TASKS.deliverTeamEvent}'::text AS task,
          json_build_object('delivery_id', id::text) AS payload,
          (${runAfterMs})::float8 AS run_after_ms, NULL::int AS max_attempts,
          ${jobKeySql(KEY_PREFIXES.deliverTeamEvent, 'id')} AS key
   FROM ${from}`;

/** An authentication's deadline or `complete`, for jobs SQL finds the authentications of. */
export type AuthenticationJobKind = 'recheck' | 'complete';

/** The key recheckJob or completeSessionJob gives, as SQL over an id column. */
export const authenticationJobKeySql = (kind: AuthenticationJobKind, idExpression: string) =>
  jobKeySql(kind === 'recheck' ? KEY_PREFIXES.recheck : KEY_PREFIXES.completeSession, idExpression);

/**
 * recheckJob or completeSessionJob (first attempt) of each row of `from`, by its `id` and `kind`,
 * due `runAfterMs` (SQL) after the transaction's start, as rows for addJobsSql.
 */
export const authenticationJobRows = (from: string, runAfterMs: string): string =>
  `SELECT CASE kind WHEN 'recheck' THEN '${TASKS.recheck}' ELSE '${TASKS.completeSession}' END AS task,
          json_build_object('authentication_id', id, 'attempt', 1) AS payload,
          (${runAfterMs})::float8 AS run_after_ms, NULL::int AS max_attempts,
          CASE kind WHEN 'recheck' THEN ${authenticationJobKeySql('recheck', 'id')}
                    ELSE ${authenticationJobKeySql('complete', 'id')} END AS key
   FROM ${from}`;

/** JobSpecs as the JSON parameter jsonJobRows reads. */
export function jobRowsJson(jobs: readonly JobSpec[]): string {
  return JSON.stringify(
    jobs.map((job) => ({
      task: job.task,
      payload: job.payload,
      run_after_ms: job.runAfterMs,
      max_attempts: job.maxAttempts ?? null,
      key: job.key ?? null,
    })),
  );
}

/** Typed read of a job payload written by the builders above. */
export function payloadOf(payload: unknown): {
  authentication_id: string;
  attempt: number;
  base_ms?: number;
  notified: boolean;
  challenge_trans_status?: string;
} {
  const { authentication_id, attempt, base_ms, notified, challenge_trans_status } = (payload ??
    {}) as Record<string, unknown>;
  if (typeof authentication_id !== 'string')
    throw new Error('job payload without authentication_id');
  return {
    authentication_id,
    attempt: typeof attempt === 'number' ? attempt : 1,
    ...(typeof base_ms === 'number' && base_ms > 0 ? { base_ms } : {}),
    notified: notified === true,
    ...(isTransStatus(challenge_trans_status) ? { challenge_trans_status } : {}),
  };
}
