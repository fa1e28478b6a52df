import type { JobSpec } from '@app/persistence';

/** The worker's task identifiers: the only names jobs are written with. */
export const TASKS = {
  recheck: 'recheck_authentication',
  completeSession: 'complete_checkout_session',
  deliverTeamEvent: 'deliver_team_event',
  checkoutEvent: 'process_checkout_event',
} as const;
export type TaskName = (typeof TASKS)[keyof typeof TASKS];

/** One pending deadline per authentication: a new one (a move, a reschedule) replaces it. */
export function recheckJob(authenticationId: string, attempt: number, delayMs: number): JobSpec {
  return {
    task: TASKS.recheck,
    payload: { authentication_id: authenticationId, attempt },
    runAfterMs: delayMs,
    key: `recheck:${authenticationId}`,
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
    key: `complete:${authenticationId}`,
  };
}

/** Typed read of a job payload written by the builders above. */
export function payloadOf(payload: unknown): { authentication_id: string; attempt: number } {
  const { authentication_id, attempt } = (payload ?? {}) as Record<string, unknown>;
  if (typeof authentication_id !== 'string')
    throw new Error('job payload without authentication_id');
  return { authentication_id, attempt: typeof attempt === 'number' ? attempt : 1 };
}
