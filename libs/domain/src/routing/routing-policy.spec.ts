import type { SessionRequest } from '../provider/session-request.js';
import {
  routeOf,
  routingFactsOf,
  type RoutingConditions,
  type RoutingFacts,
  type RoutingPolicy,
} from './routing-policy.js';

type Test = 'checkout' | 'adyen';

const VISA = '4485040371536584';
const MASTERCARD = '5436031030606378';
/** A well-formed number in no scheme's range. */
const NO_SCHEME = '9000000000000008';

const card = (number: string) =>
  ({ type: 'card', number, expiry_month: 12, expiry_year: 2030 }) as const;

const aRequest = (overrides: Partial<SessionRequest> = {}): SessionRequest => ({
  source: card(VISA),
  amount: 1_000,
  currency: 'EUR',
  reference: 'ORD-1',
  channel: 'browser',
  ...overrides,
});

const factsOf = (overrides: Partial<SessionRequest> = {}): RoutingFacts =>
  routingFactsOf(aRequest(overrides));

describe('routingFactsOf', () => {
  it('keeps only the leading eight digits of the number', () => {
    expect(factsOf()).toEqual({
      amount: 1_000,
      currency: 'EUR',
      channel: 'browser',
      scheme: 'visa',
      bin: '44850403',
    });
  });

  it('reads a network token’s own digits, and no BIN of a stored source', () => {
    expect(
      factsOf({
        source: { type: 'network_token', token: MASTERCARD, expiry_month: 1, expiry_year: 2031 },
      }).bin,
    ).toBe('54360310');
    expect(factsOf({ source: { type: 'token', token: 'tok_abc' } }).bin).toBeUndefined();
    expect(factsOf({ source: { type: 'id', id: 'src_abc' } })).not.toHaveProperty('bin');
  });

  it('knows no scheme for a number in no scheme’s range', () => {
    expect(factsOf({ source: card(NO_SCHEME) }).scheme).toBeUndefined();
  });
});

describe('routeOf: each condition', () => {
  const decidedBy = (when: RoutingConditions, overrides: Partial<SessionRequest>) =>
    routeOf<Test>(
      {
        version: 'v1',
        rules: [{ name: 'only', when, providers: ['adyen'] }],
        otherwise: { providers: ['checkout'] },
      },
      factsOf(overrides),
      0,
    ).decided_by;

  const mastercard = { source: card(MASTERCARD) };
  const tokenSource = { source: { type: 'token', token: 'tok_abc' } } as const;

  it.each<[string, RoutingConditions, Partial<SessionRequest>, 'rule' | 'otherwise']>([
    ['no condition: every create', {}, tokenSource, 'rule'],
    ['currency listed', { currencies: ['GBP', 'EUR'] }, {}, 'rule'],
    ['currency not listed', { currencies: ['GBP'] }, {}, 'otherwise'],
    ['amount at the minimum', { min_amount: 1_000 }, {}, 'rule'],
    ['amount below the minimum', { min_amount: 1_001 }, {}, 'otherwise'],
    ['amount at the maximum', { max_amount: 1_000 }, {}, 'rule'],
    ['amount above the maximum', { max_amount: 999 }, {}, 'otherwise'],
    ['no amount, a minimum', { min_amount: 0 }, { amount: undefined }, 'otherwise'],
    ['no amount, a maximum', { max_amount: 1_000 }, { amount: undefined }, 'otherwise'],
    ['channel listed', { channels: ['app'] }, { channel: 'app' }, 'rule'],
    ['channel not listed', { channels: ['app'] }, {}, 'otherwise'],
    ['scheme of the number', { schemes: ['mastercard'] }, mastercard, 'rule'],
    ['another scheme', { schemes: ['mastercard'] }, {}, 'otherwise'],
    ['unknown scheme', { schemes: ['visa'] }, { source: card(NO_SCHEME) }, 'otherwise'],
    [
      'the cardholder’s choice of scheme',
      { schemes: ['cartes_bancaires'] },
      { source: { ...card(VISA), scheme: 'cartes_bancaires' } },
      'rule',
    ],
    ['all conditions holding', { currencies: ['EUR'], channels: ['browser'] }, {}, 'rule'],
    ['one of two failing', { currencies: ['EUR'], channels: ['app'] }, {}, 'otherwise'],
  ])('%s', (_, when, overrides, expected) => {
    expect(decidedBy(when, overrides)).toBe(expected);
  });

  const range = (from: string, to: string) => ({ bin_ranges: [{ from, to }] });

  it.each<[string, RoutingConditions, Partial<SessionRequest>, 'rule' | 'otherwise']>([
    ['six digits, at the lower edge', range('448504', '449999'), {}, 'rule'],
    ['six digits, at the upper edge', range('400000', '448504'), {}, 'rule'],
    ['six digits, just below', range('448505', '449999'), {}, 'otherwise'],
    ['six digits, just above', range('400000', '448503'), {}, 'otherwise'],
    ['one digit', range('4', '4'), {}, 'rule'],
    ['eight digits, at the edge', range('44850403', '44850403'), {}, 'rule'],
    ['eight digits, past the edge', range('44850404', '44850499'), {}, 'otherwise'],
    ['another scheme’s range', range('510000', '559999'), {}, 'otherwise'],
    [
      'one of several ranges',
      {
        bin_ranges: [
          { from: '510000', to: '559999' },
          { from: '44', to: '44' },
        ],
      },
      {},
      'rule',
    ],
    ['a stored token has no BIN', range('0', '9'), tokenSource, 'otherwise'],
    [
      'a stored id has no BIN',
      range('0', '9'),
      { source: { type: 'id', id: 'src_a' } },
      'otherwise',
    ],
  ])('BIN range: %s', (_, when, overrides, expected) => {
    expect(decidedBy(when, overrides)).toBe(expected);
  });
});

describe('routeOf: the decision', () => {
  const policy: RoutingPolicy<Test> = {
    version: 'routing-3',
    rules: [
      { name: 'app_to_adyen', when: { channels: ['app'] }, providers: ['adyen', 'checkout'] },
      { name: 'apps_too', when: { channels: ['app'] }, providers: ['checkout'] },
      {
        name: 'gbp_half',
        when: { currencies: ['GBP'] },
        providers: ['checkout', 'adyen'],
        split: [
          { provider: 'adyen', percent: 50 },
          { provider: 'checkout', percent: 50 },
        ],
      },
      { name: 'usd_checkout_only', when: { currencies: ['USD'] }, providers: ['checkout'] },
    ],
    otherwise: {
      providers: ['checkout', 'adyen'],
      split: [
        { provider: 'checkout', percent: 90 },
        { provider: 'adyen', percent: 10 },
      ],
    },
  };

  it('takes the first matching rule, its providers in order, no split consulted', () => {
    expect(routeOf(policy, factsOf({ channel: 'app' }), 95)).toEqual({
      decided_by: 'rule',
      policy_version: 'routing-3',
      rule: 'app_to_adyen',
      providers: ['adyen', 'checkout'],
    });
  });

  it('takes a single provider with no fallback', () => {
    expect(routeOf(policy, factsOf({ currency: 'USD' }), 0).providers).toEqual(['checkout']);
  });

  it.each([
    [0, ['checkout', 'adyen']],
    [89, ['checkout', 'adyen']],
    [90, ['adyen', 'checkout']],
    [99, ['adyen', 'checkout']],
  ])('falls to otherwise, whose 90/10 split puts bucket %i on %j', (bucket, providers) => {
    expect(routeOf(policy, factsOf({ currency: 'CHF' }), bucket)).toEqual({
      decided_by: 'otherwise',
      policy_version: 'routing-3',
      rule: 'otherwise',
      providers,
      split_bucket: bucket,
    });
  });

  it.each([
    [0, 'adyen'],
    [49, 'adyen'],
    [50, 'checkout'],
    [99, 'checkout'],
  ])('a rule’s split in its own order: bucket %i is %s’s', (bucket, primary) => {
    const decision = routeOf(policy, factsOf({ currency: 'GBP' }), bucket);
    expect([decision.rule, decision.providers[0], decision.split_bucket]).toEqual([
      'gbp_half',
      primary,
      bucket,
    ]);
    expect(decision.providers).toHaveLength(2);
  });

  it('gives a 0 % share no bucket, while it stays a fallback', () => {
    const draining: RoutingPolicy<Test> = {
      version: 'v1',
      rules: [],
      otherwise: {
        providers: ['checkout', 'adyen'],
        split: [
          { provider: 'adyen', percent: 0 },
          { provider: 'checkout', percent: 100 },
        ],
      },
    };
    expect(routeOf(draining, factsOf(), 0).providers).toEqual(['checkout', 'adyen']);
  });

  it.each([-1, 100, 1.5, Number.NaN])('refuses bucket %p: it is the caller’s bug', (bucket) => {
    expect(() => routeOf(policy, factsOf(), bucket)).toThrow(RangeError);
  });
});
