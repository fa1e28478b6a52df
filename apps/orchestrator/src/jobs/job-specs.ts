import type { JobSpec } from '@app/persistence';

/** The worker's task identifiers: the only names jobs are written with. */
export const TASKS = {
  recheck: 'recheck_authentication',
  completeSession: 'complete_checkout_session',
  deliverTeamEvent: 'deliver_team_event',
  checkoutEvent: 'process_checkout_event',
} as const;
export type TaskName = (typeof TASKS)[keyof typeof TASKS];

export const recheckJobKey = (authenticationId: string) => `recheck:${authenticationId}`;
export const completeSessionJobKey = (authenticationId: string) => `complete:${authenticationId}`;

/**
 * One pending deadline per authentication: a new one (a move, a reschedule) replaces it.
 * `baseMs`: the backoff base of the re-reads that follow, instead of the state's deadline.
 * `notified`: a notification asked for these re-reads, so each spends its REREAD_BUDGET.
 */
export function recheckJob(
  authenticationId: string,
  attempt: number,
  delayMs: number,
  options: { readonly baseMs?: number; readonly notified?: boolean } = {},
): JobSpec {
  return {
    task: TASKS.recheck,
    payload: {
      authentication_id: authenticationId,
      attempt,
      ...(options.baseMs === undefined ? {} : { base_ms: options.baseMs }),
      ...(options.notified ? { notified: true } : {}),
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

/** What a Checkout webhook job needs to act (the webhook body itself is not kept). */
export interface CheckoutEventPayload {
  readonly event_id: string;
  readonly type: string;
  readonly session_id: string;
  readonly reference: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
  /** ISO time Checkout raised the event (or we received it). */
  readonly event_at: string;
  readonly attempt: number;
}

/** One job per Checkout event id. */
export function checkoutEventJob(payload: CheckoutEventPayload, delayMs: number): JobSpec {
  return {
    task: TASKS.checkoutEvent,
    payload: { ...payload },
    runAfterMs: delayMs,
    key: `checkout-event:${payload.event_id}`,
  };
}

/** Typed read of a job payload written by the builders above. */
export function payloadOf(payload: unknown): {
  authentication_id: string;
  attempt: number;
  base_ms?: number;
  notified: boolean;
} {
  const { authentication_id, attempt, base_ms, notified } = (payload ?? {}) as Record<
    string,
    unknown
  >;
  if (typeof authentication_id !== 'string')
    throw new Error('job payload without authentication_id');
  return {
    authentication_id,
    attempt: typeof attempt === 'number' ? attempt : 1,
    ...(typeof base_ms === 'number' && base_ms > 0 ? { base_ms } : {}),
    notified: notified === true,
  };
}
