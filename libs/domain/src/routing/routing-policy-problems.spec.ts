import { routingPolicyProblems } from './routing-policy-problems.js';
import type { RoutingPolicy, RoutingRule } from './routing-policy.js';

const KNOWN = ['checkout', 'adyen'];

const shares = (...split: [string, number][]) =>
  split.map(([provider, percent]) => ({ provider, percent }));

const VALID: RoutingPolicy<string> = {
  version: 'routing-1',
  rules: [
    {
      name: 'visa_eu',
      when: {
        schemes: ['visa'],
        currencies: ['EUR'],
        min_amount: 0,
        max_amount: 0,
        channels: ['browser'],
        bin_ranges: [
          { from: '400000', to: '499999' },
          { from: '4', to: '4' },
          { from: '44850403', to: '44850403' },
        ],
      },
      providers: ['adyen', 'checkout'],
    },
    {
      name: 'gbp_trial',
      when: { currencies: ['GBP'] },
      providers: ['checkout', 'adyen'],
      split: shares(['checkout', 90], ['adyen', 10]),
    },
    {
      name: 'drained',
      when: { channels: ['app'] },
      providers: ['checkout', 'adyen'],
      split: shares(['adyen', 0], ['checkout', 100]),
    },
  ],
  otherwise: { providers: ['checkout'] },
};

const withRule = (rule: Partial<RoutingRule<string>>, at = 1): RoutingPolicy<string> => ({
  ...VALID,
  rules: VALID.rules.map((one, index) => (index === at ? { ...one, ...rule } : one)),
});

describe('routingPolicyProblems', () => {
  it('accepts a valid policy', () => {
    expect(routingPolicyProblems(VALID, KNOWN)).toEqual([]);
  });

  it('accepts a policy of no rules, one provider for everything', () => {
    expect(
      routingPolicyProblems({ version: 'v', rules: [], otherwise: { providers: ['checkout'] } }, [
        'checkout',
      ]),
    ).toEqual([]);
  });

  it.each<[string, RoutingPolicy<string>, string, string]>([
    ['an empty version', { ...VALID, version: ' ' }, 'version', 'must not be empty'],
    ['an empty rule name', withRule({ name: '' }), 'rules.1.name', 'must not be empty'],
    [
      'a rule name used twice',
      withRule({ name: 'visa_eu' }),
      'rules.1.name',
      'is the name of an earlier rule: rule names must be unique',
    ],
    [
      'a rule named otherwise',
      withRule({ name: 'otherwise' }),
      'rules.1.name',
      'otherwise is the name of the policy’s own last choice',
    ],
    [
      'a rule without providers',
      withRule({ providers: [], split: undefined }),
      'rules.1.providers',
      'must name at least one provider',
    ],
    [
      'otherwise without providers',
      { ...VALID, otherwise: { providers: [] } },
      'otherwise.providers',
      'must name at least one provider',
    ],
    [
      'an unknown provider',
      withRule({ providers: ['checkout', 'stripe'], split: undefined }),
      'rules.1.providers.1',
      'must be one of: checkout, adyen',
    ],
    [
      'an unknown provider in otherwise',
      { ...VALID, otherwise: { providers: ['worldpay'] } },
      'otherwise.providers.0',
      'must be one of: checkout, adyen',
    ],
    [
      'a provider listed twice',
      withRule({ providers: ['checkout', 'checkout'], split: undefined }),
      'rules.1.providers.1',
      'is listed earlier: a provider is tried once',
    ],
    [
      'a split short of 100',
      withRule({
        split: shares(['checkout', 90], ['adyen', 9]),
      }),
      'rules.1.split',
      'the percents must add up to 100',
    ],
    [
      'a split over 100',
      {
        ...VALID,
        otherwise: {
          providers: ['checkout', 'adyen'],
          split: shares(['checkout', 90], ['adyen', 11]),
        },
      },
      'otherwise.split',
      'the percents must add up to 100',
    ],
    [
      'a split share for a provider not in the rule',
      withRule({ providers: ['checkout'], split: shares(['adyen', 100]) }),
      'rules.1.split.0.provider',
      'must be one of the providers beside it',
    ],
    [
      'a provider with two shares',
      withRule({
        split: shares(['checkout', 50], ['checkout', 50]),
      }),
      'rules.1.split.1.provider',
      'has an earlier share',
    ],
    [
      'a percent that is no whole number',
      withRule({
        split: shares(['checkout', 89.5], ['adyen', 10.5]),
      }),
      'rules.1.split.0.percent',
      'must be a whole number from 0 to 100',
    ],
    [
      'a BIN range of letters',
      withRule({ when: { bin_ranges: [{ from: '4000a0', to: '499999' }] } }),
      'rules.1.when.bin_ranges.0',
      'from and to must be 1 to 8 digits',
    ],
    [
      'a BIN range longer than a BIN',
      withRule({ when: { bin_ranges: [{ from: '400000000', to: '499999999' }] } }),
      'rules.1.when.bin_ranges.0',
      'from and to must be 1 to 8 digits',
    ],
    [
      'a BIN range of uneven lengths',
      withRule({ when: { bin_ranges: [{ from: '40', to: '499999' }] } }),
      'rules.1.when.bin_ranges.0',
      'from and to must have as many digits',
    ],
    [
      'a BIN range upside down',
      withRule({
        when: {
          bin_ranges: [
            { from: '2', to: '1' },
            { from: '500000', to: '400000' },
          ],
        },
      }),
      'rules.1.when.bin_ranges.0',
      'from is above to',
    ],
    [
      'a minimum above the maximum',
      withRule({ when: { min_amount: 1_001, max_amount: 1_000 } }),
      'rules.1.when',
      'min_amount is above max_amount',
    ],
  ])('refuses %s', (_, policy, path, reason) => {
    expect(routingPolicyProblems(policy, KNOWN)).toContainEqual({ path, reason });
  });

  it('names every problem, each at its place, and never a value', () => {
    const policy: RoutingPolicy<string> = {
      version: 'v',
      rules: [
        { name: 'a', when: {}, providers: ['secret-provider-name'] },
        {
          name: 'a',
          when: { bin_ranges: [{ from: '9', to: '1' }] },
          providers: ['checkout'],
          split: shares(['checkout', 7]),
        },
      ],
      otherwise: { providers: [] },
    };
    const problems = routingPolicyProblems(policy, KNOWN);
    expect(problems.map((problem) => problem.path)).toEqual([
      'rules.0.providers.0',
      'rules.1.name',
      'rules.1.when.bin_ranges.0',
      'rules.1.split',
      'otherwise.providers',
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/secret-provider-name|"7"|"9"/);
  });
});
