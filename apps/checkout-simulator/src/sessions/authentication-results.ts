import { newCryptogram } from './identifiers.js';
import type { TransStatus } from './scenarios.js';
import {
  nextActionsWhenFinal,
  STATUS_FOR_TRANS_STATUS,
  type SimulatedSession,
} from './simulated-session.js';

/** ECI by transStatus; Mastercard has its own values (docs/checkout-sessions.md#eci). */
const ECI: Record<TransStatus, { mastercard: string; other: string }> = {
  Y: { mastercard: '02', other: '05' },
  A: { mastercard: '01', other: '06' },
  N: { mastercard: '00', other: '07' },
  R: { mastercard: '00', other: '07' },
  U: { mastercard: '00', other: '07' },
};

/** EMV transStatusReason sent with a non-Y result (docs/checkout-sessions.md#response-codes). */
const STATUS_REASON: Record<TransStatus, string | undefined> = {
  Y: undefined,
  A: undefined,
  N: '01', // card authentication failed
  R: '11', // suspected fraud
  U: '22', // ACS technical issue
};

/**
 * Writes a final EMV result onto the session: status from transStatus, ECI for the scheme, a
 * cryptogram only when authentication (Y) or an attempt (A) produced one.
 */
export function applyResult(
  session: SimulatedSession,
  transStatus: TransStatus,
  statusReason: string,
  now: number,
  options: { reportTransStatus?: boolean } = {},
): void {
  const scheme = session.scenario.scheme === 'mastercard' ? 'mastercard' : 'other';
  session.status = STATUS_FOR_TRANS_STATUS[transStatus];
  session.statusReason = statusReason;
  if (options.reportTransStatus !== false) {
    session.responseCode = transStatus;
    session.responseStatusReason = STATUS_REASON[transStatus];
  }
  session.eci = ECI[transStatus][scheme];
  session.cryptogram = transStatus === 'Y' || transStatus === 'A' ? newCryptogram() : undefined;
  session.authenticationDate = new Date(now).toISOString();
  session.nextActions = nextActionsWhenFinal(session);
}

/** The DS or ACS failed: no transStatus, `unavailable` with an `*_error` reason. */
export function applyError(session: SimulatedSession, statusReason: string, now: number): void {
  session.status = 'unavailable';
  session.statusReason = statusReason;
  session.responseCode = undefined;
  session.responseStatusReason = undefined;
  session.authenticationDate = new Date(now).toISOString();
  session.nextActions = nextActionsWhenFinal(session);
}
