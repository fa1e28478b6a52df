import type { CheckoutExchangeObservation } from '@app/checkout-client';
import {
  AUTHENTICATION_TRANSITIONS,
  FINAL_STATES,
  type AuthenticationEventType,
  type AuthenticationState,
} from '@app/domain';
import {
  checkoutErrorType,
  exemptionLabel,
  failureReasonLabel,
  flowOf,
  schemeLabel,
  statusClass,
} from './metric-labels.js';

describe('metric labels', () => {
  it.each([
    ['visa', '424242', 'visa'],
    ['cartes_bancaires', '497010', 'cartes_bancaires'],
    ['a_new_scheme', '424242', 'other'],
    [null, '448504', 'visa'],
    [null, '558868', 'mastercard'],
    [null, '222100', 'mastercard'],
    [null, '272099', 'mastercard'],
    [null, '378282', 'amex'],
    [null, '353011', 'jcb'],
    [null, '305693', 'diners'],
    [null, '309512', 'diners'],
    [null, '601100', 'other'],
    [null, '622126', 'other'],
    [null, '501800', 'other'],
    [null, '560000', 'other'],
    [null, null, 'unknown'],
  ])('scheme %s with BIN %s is %s', (scheme, bin, label) => {
    expect(schemeLabel(scheme, bin)).toBe(label);
  });

  it('names the flow of every move into a final state', () => {
    const flows: string[] = [];
    for (const [from, moves] of Object.entries(AUTHENTICATION_TRANSITIONS)) {
      for (const [event, to] of Object.entries(moves)) {
        if ((FINAL_STATES as readonly string[]).includes(from) || !to) continue;
        if (!(FINAL_STATES as readonly string[]).includes(to)) continue;
        flows.push(
          `${from} ${event}: ${flowOf(from as AuthenticationState, event as AuthenticationEventType)}`,
        );
      }
    }
    expect(flows).toEqual(
      expect.arrayContaining([
        'created result_received: frictionless',
        'awaiting_channel_data result_received: frictionless',
        'challenge_required result_received: challenge',
        'challenge_required challenge_abandoned: challenge',
        'challenge_required session_expired: challenge',
        'created creation_rejected: none',
        'awaiting_issuer_fingerprint failed: none',
      ]),
    );
    expect(new Set(flows.map((flow) => flow.split(': ')[1]))).toEqual(
      new Set(['frictionless', 'challenge', 'none']),
    );
  });

  it.each([
    ['abandoned', { response_code: 'N', response_status_reason: '01' }, null, 'abandoned'],
    ['expired', null, null, 'expired'],
    ['error', { status_reason: 'ares_error' }, 'checkout_session_stalled', 'error'],
    ['not_authenticated', { response_code: 'N', response_status_reason: '01' }, null, 'N_01'],
    ['rejected', { response_code: 'R', response_status_reason: '11' }, null, 'R_11'],
    ['unavailable', { response_code: 'U' }, null, 'U'],
    ['unavailable', { response_code: 'U', response_status_reason: 'ACS down' }, null, 'U'],
    ['unavailable', null, 'card_not_enrolled', 'card_not_enrolled'],
    ['unavailable', null, 'request_invalid,issuer_not_enrolled', 'issuer_not_enrolled'],
    ['unavailable', { status_reason: 'ares_error' }, null, 'ares_error'],
    ['not_authenticated', { status_reason: 'risk_declined' }, null, 'risk_declined'],
    ['unavailable', { status_reason: 'something_new' }, 'something_else', 'other'],
    ['unavailable', null, null, 'other'],
  ] as const)(
    'a failed outcome %s with %j and failure reason %s has the reason %s',
    (outcome, result, failureReason, reason) => {
      expect(failureReasonLabel(outcome, result, failureReason)).toBe(reason);
    },
  );

  it.each([
    [null, 'none'],
    [{ decided_by: 'none' } as const, 'none'],
    [{ decided_by: 'request', challenge_indicator: 'low_value' } as const, 'low_value'],
  ])('names the exemption of decision %j %s', (decision, label) => {
    expect(exemptionLabel(decision)).toBe(label);
  });

  it.each([
    [{ status: 200 }, '2xx', undefined],
    [{ status: 204 }, '2xx', undefined],
    [{ status: 401 }, '4xx', 'unauthorized'],
    [{ status: 404 }, '4xx', 'not_found'],
    [{ status: 422 }, '4xx', 'rejected'],
    [{ status: 429 }, '4xx', 'busy'],
    [{ status: 503 }, '5xx', 'busy'],
    [{ status: 502 }, '5xx', 'server_error'],
    [{ status: 200, failure: 'malformed_response' as const }, '2xx', 'malformed_response'],
    [{ failure: 'timeout' as const }, 'none', 'timeout'],
    [{ failure: 'network' as const }, 'none', 'network'],
  ])('a Checkout answer %j is %s, error %s', (answer, statusLabel, errorType) => {
    const observation: CheckoutExchangeObservation = {
      operation: 'get session',
      seconds: 0.1,
      ...answer,
    };
    expect(statusClass(observation.status)).toBe(statusLabel);
    expect(checkoutErrorType(observation)).toBe(errorType);
  });
});
