import type {
  AuthenticationResultFields,
  NextAction,
  ProviderSessionContext,
  ProviderSnapshot,
} from '@app/domain';
import type { CheckoutSession } from '@app/checkout-client';
import { eventForSession } from './session-event.mapper.js';

/**
 * Checkout's `three_ds_method_completion`: "default to `U` if a response is not received from the
 * 3DS Method URL within 10 seconds" (docs/checkout-sessions.md#3ds-method-timeout).
 */
const THREE_DS_METHOD_TIMEOUT_SECONDS = 10;

/**
 * A Checkout session in the domain's words: the event it amounts to, what the caller does next,
 * Checkout's raw result fields, and the cryptogram (in clear: it only comes with an OAuth read).
 */
export function snapshotOf(
  session: CheckoutSession,
  context: ProviderSessionContext,
): ProviderSnapshot {
  return {
    providerSessionId: session.id,
    providerStatus: session.status,
    event: eventForSession(session, context.channel),
    nextAction: nextActionOf(session, context),
    result: resultFieldsOf(session),
    scheme: session.scheme,
    ...(session.cryptogram ? { cryptogram: session.cryptogram } : {}),
    awaitingInput: session.status === 'pending',
    awaitingMethodCompletion: session.next_actions?.includes('issuer_fingerprint') ?? false,
    completed: Boolean(session.completed),
    completable: session.next_actions?.includes('complete') ?? false,
    recorded: { reference: session.reference, currency: session.currency, amount: session.amount },
  };
}

function nextActionOf(
  session: CheckoutSession,
  context: ProviderSessionContext,
): NextAction | null {
  const actions = session.next_actions ?? [];
  const methodUrl = session._links.three_ds_method_url?.href;
  if (context.hosted) {
    const redirectUrl = session._links.redirect_url?.href;
    return actions.includes('redirect_cardholder') && redirectUrl
      ? { type: 'redirect_cardholder', redirect_url: redirectUrl }
      : null;
  }
  if (context.channel === 'browser' && actions.includes('issuer_fingerprint') && methodUrl) {
    return {
      type: 'three_ds_method',
      method_url: methodUrl,
      three_ds_method_data: base64UrlJson({
        threeDSServerTransID: session.transaction_id,
        threeDSMethodNotificationURL: context.methodNotificationUrl,
      }),
      notification_url: context.methodNotificationUrl,
      timeout_seconds: THREE_DS_METHOD_TIMEOUT_SECONDS,
    };
  }
  if (actions.includes('collect_channel_data')) {
    return context.channel === 'app'
      ? appChannelDataAction(session)
      : { type: 'collect_channel_data', channel: 'browser' };
  }
  if (actions.includes('authenticate')) {
    return {
      type: 'redirect',
      acs_url: session._links.acs_url?.href ?? '',
      pareq: session.pareq ?? '',
      term_url: session._links.term_url?.href ?? '',
      md: session.id,
    };
  }
  if (actions.includes('challenge_cardholder') && session.acs) {
    if (context.channel === 'app') {
      return {
        type: 'challenge',
        channel: 'app',
        acs_transaction_id: session.acs.transaction_id,
        acs_reference_number: session.acs.reference_number,
        acs_signed_content: session.acs.signed_content ?? '',
        three_ds_server_transaction_id: session.transaction_id,
        protocol_version: session.protocol_version,
      };
    }
    // Checkout now returns a ready CReq; older responses need one built (EMV 3DS CReq).
    const creq =
      session['3ds']?.challenge_request ??
      base64UrlJson({
        threeDSServerTransID: session.transaction_id,
        acsTransID: session.acs.transaction_id,
        messageType: 'CReq',
        messageVersion: session.protocol_version,
        challengeWindowSize: '05',
      });
    return { type: 'challenge', channel: 'browser', acs_url: session.acs.url ?? '', creq };
  }
  return null;
}

/**
 * A generic 3DS SDK encrypts the device data for the DS named by `ds.ds_id` with
 * `certificates.ds_public` (docs/checkout-sessions.md#app-channel).
 */
function appChannelDataAction(session: CheckoutSession): NextAction {
  return {
    type: 'collect_channel_data',
    channel: 'app',
    ds_id: session.ds?.ds_id ?? null,
    protocol_version: session.protocol_version,
    ds_public_key: session.certificates?.ds_public ?? null,
    ca_public: session.certificates?.ca_public ?? null,
    ca_public_all: session.certificates?.ca_public_all ?? null,
    three_ds_server_transaction_id: session.transaction_id,
  };
}

function resultFieldsOf(session: CheckoutSession): AuthenticationResultFields {
  return {
    checkout_status: session.status,
    protocol_version: session.protocol_version,
    three_ds_server_transaction_id: session.transaction_id,
    scheme: session.scheme,
    status_reason: session.status_reason,
    response_code: session.response_code,
    response_status_reason: session.response_status_reason,
    eci: session.eci,
    xid: session.xid,
    ds_transaction_id: session.ds?.transaction_id,
    acs_transaction_id: session.acs?.transaction_id,
    authentication_date: session.authentication_date,
    exemption_applied: session.exemption?.applied,
    challenged: session.challenged,
    flow_type: session.flow_type,
    challenge_indicator: session.challenge_indicator,
    challenge_cancel_reason: session.acs?.challenge_cancel_reason,
    challenge_cancel_code: challengeCancelCodeOf(session.acs),
    challenge_mandated: session.acs?.challenge_mandated,
    cardholder_info: session.cardholder_info,
    ...cartesBancairesOf(session),
  };
}

/**
 * EMV challengeCancel for Checkout's `acs.challenge_cancel_reason`: the RReq code when Checkout
 * gives it (`challenge_cancel_reason_code`), else the code the reason names (EMV 3DS 2.2 A.4).
 */
const CHALLENGE_CANCEL_CODE: Readonly<Record<string, string>> = {
  cardholder_cancel: '01',
  transaction_timed_out: '04',
  challenge_timed_out: '05',
  transaction_error: '06',
  unknown: '07',
  sdk_timed_out: '08',
};

function challengeCancelCodeOf(acs: CheckoutSession['acs']): string | undefined {
  const code = acs?.challenge_cancel_reason_code;
  if (code !== undefined && /^\d{1,2}$/.test(String(code))) return String(code).padStart(2, '0');
  return acs?.challenge_cancel_reason
    ? CHALLENGE_CANCEL_CODE[acs.challenge_cancel_reason]
    : undefined;
}

/** Cartes Bancaires' `scheme_info` (score, avalgo) and `exemption.code`, on CB sessions only. */
function cartesBancairesOf(session: CheckoutSession): Partial<AuthenticationResultFields> {
  const info = session.scheme_info?.name === 'cartes_bancaires' ? session.scheme_info : undefined;
  const cb = session.scheme === 'cartes_bancaires';
  return {
    cb_score: info?.score,
    cb_avalgo: info?.avalgo,
    cb_exemption: cb || info ? session.exemption?.code : undefined,
  };
}

const base64UrlJson = (value: object): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');
