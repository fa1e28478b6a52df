import type { SessionRequest } from '../provider/session-request.js';
import { DEFAULT_EXEMPTION_POLICY } from './default-exemption-policy.js';
import {
  decideExemption,
  exemptionFactsOf,
  requestedExemptionApplied,
  type ExemptionFacts,
  type ExemptionPolicy,
} from './exemption-policy.js';

const VISA = '4485040371536584';
const MASTERCARD = '5436031030606378';

const aRequest = (overrides: Partial<SessionRequest> = {}): SessionRequest => ({
  source: { type: 'card', number: VISA, expiry_month: 12, expiry_year: 2030 },
  amount: 1_999,
  currency: 'EUR',
  reference: 'ORD-1',
  channel: 'browser',
  ...overrides,
});

const factsOf = (overrides: Partial<SessionRequest> = {}): ExemptionFacts =>
  exemptionFactsOf(aRequest(overrides));

describe('exemptionFactsOf', () => {
  it('reads the scheme from the number, or the cardholder’s choice on a co-badged card', () => {
    expect(factsOf().scheme).toBe('visa');
    expect(
      factsOf({ source: { type: 'card', number: MASTERCARD, expiry_month: 1, expiry_year: 2031 } })
        .scheme,
    ).toBe('mastercard');
    expect(
      factsOf({
        source: {
          type: 'card',
          number: VISA,
          expiry_month: 1,
          expiry_year: 2031,
          scheme: 'Cartes_Bancaires',
        },
      }).scheme,
    ).toBe('cartes_bancaires');
    expect(factsOf({ source: { type: 'id', id: 'src_abc' } }).scheme).toBeUndefined();
  });

  it('takes unsent risk flags as false and a gift card count above 0 as a gift card', () => {
    expect(factsOf().merchant_risk).toEqual({
      is_reorder: false,
      is_preorder: false,
      gift_card: false,
      suspicious_account_activity: false,
    });
    expect(
      factsOf({
        merchant_risk_info: { is_reorder: true, gift_card_count: '02' },
        account_info: { suspicious_account_activity: true },
      }).merchant_risk,
    ).toEqual({
      is_reorder: true,
      is_preorder: false,
      gift_card: true,
      suspicious_account_activity: true,
    });
    expect(factsOf({ merchant_risk_info: { gift_card_count: '00' } }).merchant_risk.gift_card).toBe(
      false,
    );
  });

  it('calls an authentication without a type regular', () => {
    expect(factsOf().authentication_type).toBe('regular');
    expect(factsOf({ authentication_type: 'recurring' }).authentication_type).toBe('recurring');
  });
});

describe('decideExemption', () => {
  const policy: ExemptionPolicy = {
    version: 'v7',
    rules: [
      {
        name: 'eur_small',
        when: { currencies: ['EUR'], max_amount: 3_000 },
        challenge_indicator: 'low_value',
      },
      {
        name: 'mastercard_app',
        when: { schemes: ['mastercard'], channels: ['app'] },
        challenge_indicator: 'data_share',
      },
      { name: 'big', when: { min_amount: 100_000 }, challenge_indicator: 'challenge_requested' },
      {
        name: 'reorder',
        when: { merchant_risk: { is_reorder: true } },
        challenge_indicator: 'transaction_risk_assessment',
      },
    ],
    otherwise: 'no_preference',
  };

  it.each([
    ['the first matching rule', {}, 'eur_small', 'low_value'],
    ['a bound is inclusive', { amount: 3_000 }, 'eur_small', 'low_value'],
    [
      'past the bound, the next rule',
      { amount: 3_001, merchant_risk_info: { is_reorder: true } },
      'reorder',
      'transaction_risk_assessment',
    ],
    ['another currency', { currency: 'GBP', amount: 100 }, 'otherwise', 'no_preference'],
    ['no amount matches no bound', { amount: undefined }, 'otherwise', 'no_preference'],
    [
      'scheme and channel together',
      {
        currency: 'USD',
        channel: 'app',
        source: { type: 'card', number: MASTERCARD, expiry_month: 1, expiry_year: 2031 },
      },
      'mastercard_app',
      'data_share',
    ],
    [
      'scheme without the channel',
      {
        currency: 'USD',
        source: { type: 'card', number: MASTERCARD, expiry_month: 1, expiry_year: 2031 },
      },
      'otherwise',
      'no_preference',
    ],
    ['a minimum', { amount: 100_000, currency: 'USD' }, 'big', 'challenge_requested'],
  ] as const)('%s', (_, overrides, rule, indicator) => {
    expect(
      decideExemption(undefined, policy, factsOf(overrides as Partial<SessionRequest>)),
    ).toEqual({
      decided_by: 'policy',
      challenge_indicator: indicator,
      policy_version: 'v7',
      rule,
    });
  });

  it('lets the request’s own indicator win over any rule', () => {
    expect(decideExemption('challenge_requested_mandate', policy, factsOf())).toEqual({
      decided_by: 'request',
      challenge_indicator: 'challenge_requested_mandate',
    });
  });

  it('decides nothing without a policy or a request', () => {
    expect(decideExemption(undefined, undefined, factsOf())).toEqual({ decided_by: 'none' });
  });
});

describe('the default policy', () => {
  const decided = (overrides: Partial<SessionRequest>) => {
    const decision = decideExemption(undefined, DEFAULT_EXEMPTION_POLICY, factsOf(overrides));
    return decision.decided_by === 'policy' ? [decision.rule, decision.challenge_indicator] : [];
  };

  it.each([
    ['3RI', { channel: 'merchant_initiated' }, ['merchant_initiated', 'no_preference']],
    [
      'a recurring set-up',
      { authentication_type: 'recurring', amount: 500 },
      ['mandate_setup', 'challenge_requested_mandate'],
    ],
    [
      'storing a card',
      { authentication_type: 'add_card', amount: 0 },
      ['mandate_setup', 'challenge_requested_mandate'],
    ],
    ['EUR 30.00', { amount: 3_000 }, ['low_value', 'low_value']],
    ['EUR 30.01', { amount: 3_001 }, ['transaction_risk_analysis', 'transaction_risk_assessment']],
    [
      'EUR 250.00',
      { amount: 25_000 },
      ['transaction_risk_analysis', 'transaction_risk_assessment'],
    ],
    ['EUR 250.01', { amount: 25_001 }, ['otherwise', 'no_preference']],
    [
      'EUR 100 with gift cards',
      { amount: 10_000, merchant_risk_info: { gift_card_count: '01' } },
      ['otherwise', 'no_preference'],
    ],
    [
      'EUR 100, suspicious account',
      { amount: 10_000, account_info: { suspicious_account_activity: true } },
      ['otherwise', 'no_preference'],
    ],
    ['EUR 0 (no payment)', { amount: 0 }, ['otherwise', 'no_preference']],
    ['USD 10', { currency: 'USD', amount: 1_000 }, ['otherwise', 'no_preference']],
  ] as const)('%s', (_, overrides, expected) => {
    expect(decided(overrides as Partial<SessionRequest>)).toEqual(expected);
  });
});

describe('requestedExemptionApplied', () => {
  const byPolicy = (indicator: 'low_value' | 'data_share') =>
    ({
      decided_by: 'policy',
      challenge_indicator: indicator,
      policy_version: 'v1',
      rule: 'r',
    }) as const;

  it.each([
    ['applied', byPolicy('low_value'), 'low_value', true, true],
    ['refused: the issuer answers none', byPolicy('low_value'), 'none', true, false],
    ['refused: no exemption field', byPolicy('low_value'), undefined, true, false],
    ['no result yet', byPolicy('low_value'), undefined, false, undefined],
    ['a data share is no exemption', byPolicy('data_share'), 'none', true, undefined],
    [
      'asked by the request',
      { decided_by: 'request', challenge_indicator: 'trusted_listing' } as const,
      'none',
      true,
      false,
    ],
    ['nothing decided', { decided_by: 'none' } as const, 'none', true, undefined],
    ['a row from before decisions', null, 'none', true, undefined],
  ] as const)('%s', (_, decision, applied, known, expected) => {
    expect(requestedExemptionApplied(decision, applied, known)).toBe(expected);
  });
});
