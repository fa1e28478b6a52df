import { newCryptogram } from './identifiers.js';
import type { AppliedExemption } from './issuer-decision.js';
import type { TransStatus } from './scenarios.js';
import {
  nextActionsWhenFinal,
  STATUS_FOR_TRANS_STATUS,
  type SimulatedSession,
} from './simulated-session.js';

/**
 * ECI by transStatus; Mastercard has its own values (docs/checkout-sessions.md#eci). I: not
 * authenticated, no liability shift (Mastercard's data-only 04 is not modelled).
 */
const ECI: Record<TransStatus, { mastercard: string; other: string }> = {
  Y: { mastercard: '02', other: '05' },
  A: { mastercard: '01', other: '06' },
  I: { mastercard: '06', other: '07' },
  N: { mastercard: '00', other: '07' },
  R: { mastercard: '00', other: '07' },
  U: { mastercard: '00', other: '07' },
};

/** EMV transStatusReason sent with a non-Y result (docs/checkout-sessions.md#response-codes). */
const STATUS_REASON: Record<TransStatus, string | undefined> = {
  Y: undefined,
  A: undefined,
  // EMV requires transStatusReason only with N, U and R.
  I: undefined,
  N: '01', // card authentication failed
  R: '11', // suspected fraud
  U: '22', // ACS technical issue
};

/** What the simulated DS tells a refused cardholder (Checkout's own `cardholder_info` example). */
const CARDHOLDER_INFO: Partial<Record<TransStatus, string>> = {
  N: 'Card declined. Please contact your issuing bank.',
  R: 'Card declined. Please contact your issuing bank.',
};

/** Cartes Bancaires DS risk score (CB-SCORE, 0–99) by result, and the ACS's AV algorithm. */
const CB_SCORE: Record<TransStatus, string> = {
  Y: '12',
  I: '20',
  A: '35',
  U: '50',
  N: '85',
  R: '97',
};
const CB_AVALGO = '2';

/**
 * Writes a final EMV result onto the session: status from transStatus, ECI for the scheme, a
 * cryptogram only when authentication (Y) or an attempt (A) produced one, and the exemption the
 * issuer applied (`none` unless the issuer model accepted one).
 */
export function applyResult(
  session: SimulatedSession,
  transStatus: TransStatus,
  statusReason: string,
  now: number,
  options: { reportTransStatus?: boolean; exemption?: AppliedExemption } = {},
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
  session.cardholderInfo = CARDHOLDER_INFO[transStatus];
  session.exemptionApplied = options.exemption ?? 'none';
  if (session.scenario.scheme === 'cartes_bancaires') {
    session.schemeInfo = {
      name: 'cartes_bancaires',
      score: CB_SCORE[transStatus],
      avalgo: CB_AVALGO,
    };
  }
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
