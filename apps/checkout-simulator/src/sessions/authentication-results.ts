import { newCryptogram, newUuid } from './identifiers.js';
import type { CardScheme, TransStatus } from './scenarios.js';
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

/** Directory server RIDs per scheme (`ds.ds_id`). */
const DS_ID: Record<CardScheme, string> = {
  visa: 'A000000003',
  mastercard: 'A000000004',
  amex: 'A000000025',
  jcb: 'A000000065',
  diners: 'A000000152',
  discover: 'A000000152',
  cartes_bancaires: 'A000000042',
  upi: 'A000000333',
};

export function directoryServer(scheme: CardScheme): NonNullable<SimulatedSession['ds']> {
  return {
    ds_id: DS_ID[scheme],
    reference_number: `${scheme.toUpperCase().slice(0, 4)}.DS.SIM.0001`,
    transaction_id: newUuid(),
  };
}

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
