import { UpstreamRejectedRequestError, type AuthenticationEvent, type Outcome } from '@app/domain';
import type { CheckoutSession, CheckoutSessionStatus, SessionChannel } from '@app/checkout-client';

type Step = 'awaiting_input' | 'challenge_issued' | 'challenge_abandoned' | 'session_expired';

/**
 * What each Checkout status means for us: a step, an outcome, or nothing new (`null`).
 * Exhaustive both ways: a missing or unknown status does not compile.
 */
export const MEANING_OF_CHECKOUT_STATUS = {
  pending: 'awaiting_input',
  processing: null,
  challenged: 'challenge_issued',
  challenge_abandoned: 'challenge_abandoned',
  expired: 'session_expired',
  approved: { outcome: 'authenticated' },
  attempted: { outcome: 'attempted' },
  declined: { outcome: 'not_authenticated' },
  rejected: { outcome: 'rejected' },
  unavailable: { outcome: 'unavailable' },
} as const satisfies Record<CheckoutSessionStatus, Step | { outcome: Outcome } | null>;

/**
 * The domain event a Checkout session's current state amounts to, or null when it says nothing
 * new (`processing`). The `sid_…` rides along for the first step after creation.
 */
export function eventForSession(
  session: CheckoutSession,
  channel: SessionChannel,
): AuthenticationEvent | null {
  const meaning = MEANING_OF_CHECKOUT_STATUS[session.status] as
    (typeof MEANING_OF_CHECKOUT_STATUS)[CheckoutSessionStatus] | undefined;
  const providerSessionId = session.id;
  if (meaning === undefined) {
    // A status this service does not know yet: refuse to guess (the caller records it).
    throw new UpstreamRejectedRequestError('read session', 200, 'unknown_status', [
      String(session.status),
    ]);
  }
  if (meaning === null) return null;
  if (typeof meaning === 'object') {
    // transStatus I (informational) has no Checkout status of its own; keep it apart from Y/U.
    const outcome: Outcome = session.response_code === 'I' ? 'informational' : meaning.outcome;
    return { type: 'result_received', outcome, providerSessionId };
  }
  switch (meaning) {
    case 'awaiting_input':
      // The 3DS Method is browser-only (docs/checkout-sessions.md#app-channel); Checkout may
      // list it before it knows.
      return channel === 'browser' && session.next_actions?.includes('issuer_fingerprint')
        ? { type: 'fingerprint_required', providerSessionId }
        : { type: 'channel_data_required', providerSessionId };
    case 'challenge_issued':
      return { type: 'challenge_issued', providerSessionId };
    case 'challenge_abandoned':
      return { type: 'challenge_abandoned' };
    case 'session_expired':
      return { type: 'session_expired' };
  }
}
