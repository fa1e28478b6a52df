import {
  CHECKOUT_SESSION_STATUSES,
  type CheckoutSession,
  type CheckoutSessionStatus,
} from '@app/checkout-client';
import { eventForSession, MEANING_OF_CHECKOUT_STATUS } from './session-event.mapper.js';

const aSession = (
  status: CheckoutSessionStatus,
  overrides: Partial<CheckoutSession> = {},
): CheckoutSession => ({
  id: 'sid_abcdefghijklmnopqrstuvwxyz',
  transaction_id: '9b5d3d0e-7c59-4b7b-9a06-5a0f1c1d6a11',
  scheme: 'visa',
  amount: 100,
  currency: 'EUR',
  status,
  protocol_version: '2.2.0',
  _links: {},
  ...overrides,
});

describe('eventForSession', () => {
  it('gives every Checkout status a meaning', () => {
    expect(Object.keys(MEANING_OF_CHECKOUT_STATUS).sort()).toEqual(
      [...CHECKOUT_SESSION_STATUSES].sort(),
    );
  });

  it.each<[CheckoutSessionStatus, string]>([
    ['approved', 'authenticated'],
    ['attempted', 'attempted'],
    ['declined', 'not_authenticated'],
    ['rejected', 'rejected'],
    ['unavailable', 'unavailable'],
  ])('maps %s to a result with outcome %s', (status, outcome) => {
    expect(eventForSession(aSession(status), 'browser')).toEqual({
      type: 'result_received',
      outcome,
      providerSessionId: 'sid_abcdefghijklmnopqrstuvwxyz',
    });
  });

  it('keeps transStatus I apart as informational', () => {
    expect(eventForSession(aSession('approved', { response_code: 'I' }), 'browser')).toMatchObject({
      outcome: 'informational',
    });
  });

  it('asks a browser for the 3DS Method only when Checkout lists it', () => {
    const withMethod = aSession('pending', {
      next_actions: ['collect_channel_data', 'issuer_fingerprint'],
    });
    expect(eventForSession(withMethod, 'browser')?.type).toBe('fingerprint_required');
    expect(eventForSession(withMethod, 'app')?.type).toBe('channel_data_required');
    expect(
      eventForSession(aSession('pending', { next_actions: ['collect_channel_data'] }), 'browser')
        ?.type,
    ).toBe('channel_data_required');
  });

  it.each<[CheckoutSessionStatus, string | null]>([
    ['challenged', 'challenge_issued'],
    ['challenge_abandoned', 'challenge_abandoned'],
    ['expired', 'session_expired'],
  ])('maps %s to %s', (status, type) => {
    expect(eventForSession(aSession(status), 'browser')?.type).toBe(type);
  });

  it('says nothing new while Checkout is processing', () => {
    expect(eventForSession(aSession('processing'), 'browser')).toBeNull();
  });

  it('refuses to guess about a status it does not know', () => {
    const unknown = aSession('approved', { status: 'on_hold' as CheckoutSessionStatus });
    expect(() => eventForSession(unknown, 'browser')).toThrow(/unknown_status/);
  });
});
