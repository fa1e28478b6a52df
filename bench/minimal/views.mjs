// What the minimal reads and answers: the create body's subset, the answer's essentials and the
// team's `authentication.completed` event, shaped like the orchestrator's
// (authentications/authentication.view.ts, team-events/completed-event.ts).

/** Checkout's final statuses and the outcome each means (session-event.mapper.ts). */
export const OUTCOMES = {
  approved: 'authenticated',
  attempted: 'attempted',
  declined: 'not_authenticated',
  rejected: 'rejected',
  unavailable: 'unavailable',
};

export const GUIDANCE = {
  authenticated: 'proceed_with_liability_shift',
  attempted: 'proceed_with_liability_shift',
  informational: 'proceed_without_liability_shift',
  not_authenticated: 'do_not_proceed',
  rejected: 'do_not_proceed',
  unavailable: 'proceed_without_liability_shift',
};

/** A refusal in the orchestrator's `{ error: { code, message, … } }` shape. */
export class HttpError extends Error {
  constructor(status, code, message) {
    super(message);
    Object.assign(this, { status, code });
  }
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The subset of the create body this flow needs; unknown fields are refused, never passed on. */
export function validCreate(body) {
  const fail = (message) => {
    throw new HttpError(400, 'VALIDATION_FAILED', message);
  };
  if (!isObject(body)) fail('The body must be a JSON object');
  const allowed = ['source', 'amount', 'currency', 'channel', 'reference', 'channel_data'];
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) fail(`Unknown fields: ${unknown.join(', ')}`);
  const { source, amount, currency, channel, reference, channel_data: channelData } = body;
  if (!isObject(source) || source.type !== 'card' || !/^\d{13,19}$/.test(source.number ?? '')) {
    fail('source must be a card with a 13–19 digit number');
  }
  if (!Number.isInteger(source.expiry_month) || !Number.isInteger(source.expiry_year)) {
    fail('source.expiry_month and source.expiry_year must be integers');
  }
  if (amount !== undefined && (!Number.isInteger(amount) || amount < 0)) fail('amount: integer');
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) fail('currency: ISO 4217');
  if (channel !== 'browser' && channel !== 'app') fail('channel must be browser or app');
  if (typeof reference !== 'string' || reference.length < 1 || reference.length > 50) {
    fail('reference: 1–50 characters');
  }
  if (channelData !== undefined && (!isObject(channelData) || channelData.channel !== channel)) {
    fail('channel_data.channel must match channel');
  }
  return body;
}

export function resultFieldsOf(session) {
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
    cardholder_info: session.cardholder_info,
  };
}

/** The 201 answer (also stored for Idempotency-Key replays) and the team event, for a result. */
export function resultDocuments({
  id,
  input,
  session,
  outcome,
  createdAt,
  updatedAt,
  teamEventId,
}) {
  const { channel } = input;
  const pan = input.source.number;
  const result = resultFieldsOf(session);
  const response = {
    id,
    reference: input.reference,
    state: 'result_ready',
    outcome,
    guidance: GUIDANCE[outcome],
    next_action: null,
    channel,
    amount: input.amount ?? null,
    currency: input.currency,
    source_type: 'card',
    card: { bin: pan.slice(0, 6), last4: pan.slice(-4), scheme: session.scheme },
    checkout_session_id: session.id,
    protocol_version: result.protocol_version ?? null,
    response_code: result.response_code ?? null,
    response_status_reason: result.response_status_reason ?? null,
    status_reason: result.status_reason ?? null,
    failure_reason: null,
    created_at: createdAt.toISOString(),
    updated_at: updatedAt.toISOString(),
  };
  const teamEvent = {
    id: teamEventId,
    payload: {
      type: 'authentication.completed',
      timestamp: updatedAt.toISOString(),
      data: {
        authentication_id: id,
        reference: input.reference,
        state: 'result_ready',
        outcome,
        guidance: GUIDANCE[outcome],
        failure_reason: null,
        checkout_session_id: session.id,
        amount: input.amount ?? null,
        currency: input.currency,
        channel,
        scheme: session.scheme,
        protocol_version: result.protocol_version ?? null,
        trans_status: result.response_code ?? null,
        trans_status_reason: result.response_status_reason ?? null,
        eci: result.eci ?? null,
        ds_transaction_id: result.ds_transaction_id ?? null,
        three_ds_server_transaction_id: result.three_ds_server_transaction_id ?? null,
        acs_transaction_id: result.acs_transaction_id ?? null,
      },
    },
  };
  return { result, response, teamEvent };
}
