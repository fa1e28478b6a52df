import type { Caller } from '../auth/caller.js';
import { dsCertificates } from './directory-servers.js';
import { echoedIndicator } from './issuer-decision.js';
import { isFinal, type NextAction, type SimulatedSession } from './simulated-session.js';

type Json = Record<string, unknown>;
type Link = { href: string };

/**
 * Which response schema a body follows: GET / collect-data (`get`), 201 create (`created`),
 * 202 create (`accepted`) or issuer-fingerprint (`fingerprint`).
 */
export type SessionShape = 'get' | 'created' | 'accepted' | 'fingerprint';

/** Request fields Checkout echoes back in the session body. */
const ECHOED = [
  'account_info',
  'merchant_risk_info',
  'reference',
  'transaction_type',
  'initial_transaction',
  'optimization',
] as const;

/**
 * Renders a session as Checkout would answer it, applying the visibility rules: `cryptogram`,
 * `eci`, `certificates` and `session_secret` only for OAuth callers (and the secret on create).
 */
export function renderSession(
  session: SimulatedSession,
  caller: Caller,
  baseUrl: string,
  shape: SessionShape,
  nextActions: readonly NextAction[] = session.nextActions,
): Json {
  const oauth = caller.kind === 'oauth';
  const request = session.request;
  const body: Json = {
    id: session.id,
    session_secret:
      oauth || shape === 'created' || shape === 'accepted' ? session.secret : undefined,
    transaction_id: session.transactionId,
    scheme: session.scenario.scheme,
    amount: request.amount ?? 0,
    currency: request.currency,
    completed: shape === 'accepted' ? undefined : session.completed,
    challenged: shape === 'accepted' ? undefined : session.challenged,
    authentication_type: request.authentication_type ?? 'regular',
    authentication_category:
      request.authentication_category ?? (request.amount === undefined ? 'non_payment' : 'payment'),
    status: session.status,
    status_reason: session.statusReason,
    approved: isFinal(session) ? session.status === 'approved' : undefined,
    protocol_version: session.protocolVersion,
    next_actions: nextActions,
    ...Object.fromEntries(ECHOED.map((field) => [field, request[field]])),
    challenge_indicator: echoedIndicator(request.challenge_indicator),
    recurring: request.recurring ?? {},
    installment: request.installment ?? { number_of_payments: 2 },
    exemption: exemptionOf(session),
    card: session.card,
    _links: links(session, baseUrl, nextActions),
  };
  if (shape !== 'accepted') {
    Object.assign(body, {
      ds: session.ds,
      acs: session.acs,
      response_code: session.responseCode,
      response_status_reason: session.responseStatusReason,
      pareq: session.pareq,
      xid: session.xid,
      cryptogram: oauth ? session.cryptogram : undefined,
      eci: oauth ? session.eci : undefined,
      // Checkout's sandbox returns them on browser sessions too; a pending session's channel is
      // not known yet, and an app's SDK needs them before it can send device data.
      certificates: oauth ? dsCertificates(session.scenario.scheme) : undefined,
      authentication_date: session.authenticationDate,
      cardholder_info: session.cardholderInfo,
      scheme_info: session.schemeInfo,
      flow_type: session.flowType,
      '3ds': session.challengeRequest ? { challenge_request: session.challengeRequest } : undefined,
    });
  }
  return withoutUndefined(body);
}

/**
 * `exemption`: `requested` is `none` in Checkout's spec (its only value); `code` carries Cartes
 * Bancaires' exemption bitmap (CB-EXEMPTION, 3 bytes base64) on CB sessions with a result.
 */
function exemptionOf(session: SimulatedSession): Json {
  return withoutUndefined({
    requested: 'none',
    applied: session.exemptionApplied ?? 'none',
    code: session.schemeInfo ? (session.exemptionApplied === 'none' ? 'AAAA' : 'AAQA') : undefined,
  });
}

function links(
  session: SimulatedSession,
  baseUrl: string,
  nextActions: readonly NextAction[],
): Json {
  const self = `${baseUrl}/sessions/${session.id}`;
  const has = (action: NextAction): boolean => nextActions.includes(action);
  const link = (href: string | undefined): Link | undefined => (href ? { href } : undefined);
  return withoutUndefined({
    self: link(self),
    collect_channel_data: has('collect_channel_data') ? link(`${self}/collect-data`) : undefined,
    issuer_fingerprint: has('issuer_fingerprint') ? link(`${self}/issuer-fingerprint`) : undefined,
    three_ds_method_url: has('issuer_fingerprint') ? link(`${baseUrl}/acs/3ds-method`) : undefined,
    complete: has('complete') ? link(`${self}/complete`) : undefined,
    acs_url: has('authenticate') ? link(`${baseUrl}/acs/3ds1`) : undefined,
    term_url: has('authenticate') ? link(`${baseUrl}/3ds1/term`) : undefined,
    redirect_url: has('redirect_cardholder')
      ? link(`${baseUrl}/interceptor/${session.id}`)
      : undefined,
    callback_url: link(session.completion.callback_url),
    success_url: link(session.completion.success_url),
    failure_url: link(session.completion.failure_url),
  });
}

function withoutUndefined(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
