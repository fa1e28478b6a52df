import type { SessionScope } from '../oauth/access-token.service.js';
import type { AppliedExemption } from './issuer-decision.js';
import type { DataElement } from './issuer-risk.js';
import type { Scenario, TransStatus } from './scenarios.js';

/** Checkout's session `status` values (OpenAPI `Status`). */
export const SESSION_STATUSES = [
  'pending',
  'processing',
  'challenged',
  'challenge_abandoned',
  'expired',
  'approved',
  'attempted',
  'unavailable',
  'declined',
  'rejected',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Statuses after which the authentication result no longer changes. */
export const FINAL_STATUSES: readonly SessionStatus[] = [
  'challenge_abandoned',
  'expired',
  'approved',
  'attempted',
  'unavailable',
  'declined',
  'rejected',
];

/**
 * EMV transStatus → Checkout status (docs/checkout-sessions.md#statuses). Checkout's status for
 * I is unconfirmed: the model answers `approved`, as EMV's I lets the merchant proceed to
 * authorisation, and the `response_code` I tells it from Y (docs/simulator-issuer-model.md).
 */
export const STATUS_FOR_TRANS_STATUS: Record<TransStatus, SessionStatus> = {
  Y: 'approved',
  I: 'approved',
  A: 'attempted',
  N: 'declined',
  R: 'rejected',
  U: 'unavailable',
};

export type NextAction =
  | 'collect_channel_data'
  | 'issuer_fingerprint'
  | 'challenge_cardholder'
  | 'redirect_cardholder'
  | 'complete'
  | 'authenticate';

export type Channel = 'browser' | 'app' | 'merchant_initiated';

/** How the cardholder left the ACS page. */
export type ChallengeResult = 'authenticated' | 'wrong_password' | 'cancelled';

export interface Completion {
  readonly type: 'hosted' | 'non_hosted';
  readonly callback_url?: string;
  readonly challenge_notification_url?: string;
  readonly success_url?: string;
  readonly failure_url?: string;
}

export interface AcsDetails {
  reference_number: string;
  transaction_id: string;
  operator_id: string;
  challenge_mandated: boolean;
  url?: string;
  signed_content?: string;
  authentication_type?: string;
  interface?: 'native_ui' | 'html';
  ui_template?: string;
  challenge_cancel_reason?: string;
  challenge_cancel_reason_code?: string;
}

export interface EchoedRequest {
  readonly amount?: number;
  readonly currency: string;
  readonly reference?: string;
  readonly authentication_type?: string;
  readonly authentication_category?: string;
  readonly challenge_indicator?: string;
  readonly [field: string]: unknown;
}

/** One simulated Checkout session: what Checkout would hold for `sid_…`. */
export interface SimulatedSession {
  readonly id: string;
  readonly secret: string;
  /** 3DS Server transaction id (`threeDSServerTransID`). */
  readonly transactionId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly scenario: Scenario;
  /** OAuth scope a reader needs: the channel scope the session was started under. */
  readonly scope: SessionScope;
  /** The validated create body minus source, completion and channel data; echoed in responses. */
  readonly request: EchoedRequest;
  readonly completion: Completion;
  readonly card: { instrument_id: string; fingerprint: string; metadata: Record<string, string> };
  /** What the create request told the issuer (source, account, shipping …), for its risk model. */
  readonly dataElements: readonly DataElement[];
  status: SessionStatus;
  statusReason?: string;
  nextActions: NextAction[];
  protocolVersion: string;
  channel?: Channel;
  threeDsMethodCompletion?: 'Y' | 'N' | 'U';
  ds?: { ds_id: string; reference_number: string; transaction_id: string };
  acs?: AcsDetails;
  responseCode?: TransStatus | 'C';
  responseStatusReason?: string;
  eci?: string;
  cryptogram?: string;
  xid?: string;
  challenged: boolean;
  flowType?: 'frictionless' | 'challenged';
  authenticationDate?: string;
  /** The exemption the issuer applied (`exemption.applied`); `none` when absent. */
  exemptionApplied?: AppliedExemption;
  /** Text for the cardholder from the DS/ACS (`cardholder_info`). */
  cardholderInfo?: string;
  /** Cartes Bancaires: DS risk score and the ACS's cryptogram algorithm (`scheme_info`). */
  schemeInfo?: { name: 'cartes_bancaires'; score: string; avalgo: string };
  /** 3DS1 PaReq for the form post to the ACS. */
  pareq?: string;
  challengeRequest?: string;
  completed: boolean;
  challengeDeadline?: number;
  /** App channel: the SDK's transaction id (EMV sdkTransID), checked on every CReq. */
  sdkTransactionId?: string;
  /** App challenge: CRes messages the ACS has sent (EMV acsCounterAtoS). */
  acsCounter?: number;
  /** The cardholder answered; the RReq reaches the session at `dueAt` (simulated time). */
  pendingRreq?: { readonly result: ChallengeResult; readonly dueAt: number };
  /** Set while an update runs; a parallel one gets 409 `session_already_in_use`. */
  busy: boolean;
}

export const isFinal = (session: SimulatedSession): boolean =>
  FINAL_STATUSES.includes(session.status);

export const isHosted = (session: SimulatedSession): boolean =>
  session.completion.type === 'hosted';

/** A hosted session has nothing left to do once final; a non-hosted one awaits `complete`. */
export const nextActionsWhenFinal = (session: SimulatedSession): NextAction[] =>
  isHosted(session) ? [] : ['complete'];

/**
 * While a hosted session waits on the cardholder (device data, challenge), the hosted page does
 * the work: the merchant's only action is the redirect.
 */
export const nextActionsWhileWaiting = (
  session: SimulatedSession,
  nonHosted: NextAction,
): NextAction[] => (isHosted(session) ? ['redirect_cardholder'] : [nonHosted]);
