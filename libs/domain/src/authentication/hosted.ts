import type { AuthenticationEvent } from './authentication.machine.js';
import type { Outcome } from './outcome.js';

/**
 * A hosted authentication's events: Checkout's page runs the whole flow and no `complete`
 * follows, so a result (or an abandoned challenge) ends it at once (docs/design.md#hosted-sessions).
 */
export function hostedEvent(event: AuthenticationEvent): AuthenticationEvent {
  switch (event.type) {
    case 'result_received':
      return { ...event, type: 'hosted_result_received' };
    case 'challenge_abandoned':
      return { type: 'hosted_result_received', outcome: 'abandoned' };
    // Checkout's page runs the 3DS Method itself: to us it is the same wait for the browser.
    case 'fingerprint_required':
      return { ...event, type: 'channel_data_required' };
    default:
      return event;
  }
}

/** Which of the team's URLs the cardholder goes back to. */
export type HostedExit = 'success' | 'failure' | 'cancel';

/**
 * Checkout's own rule (success for approved and attempted), plus `informational`, which EMV
 * says to proceed on, and `cancel` for a cardholder who gave up.
 */
export const HOSTED_EXIT_FOR_OUTCOME = {
  authenticated: 'success',
  attempted: 'success',
  informational: 'success',
  not_authenticated: 'failure',
  rejected: 'failure',
  unavailable: 'failure',
  abandoned: 'cancel',
  expired: 'failure',
  error: 'failure',
} as const satisfies Record<Outcome, HostedExit>;
