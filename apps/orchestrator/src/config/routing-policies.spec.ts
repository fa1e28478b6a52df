import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRoutingPolicies } from './routing-policies.js';

const directory = mkdtempSync(join(tmpdir(), 'routing-policies-'));
let files = 0;
const aFile = (content: unknown): string => {
  const path = join(directory, `policies-${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const EU = {
  version: 'routing-4',
  rules: [
    {
      name: 'visa_eu',
      when: { schemes: ['visa'], bin_ranges: [{ from: '400000', to: '449999' }] },
      providers: ['checkout'],
      split: [{ provider: 'checkout', percent: 100 }],
    },
  ],
  otherwise: { providers: ['checkout'] },
};

describe('loadRoutingPolicies', () => {
  it('gives each listed team its policy from the file; nobody else has one', () => {
    const loaded = loadRoutingPolicies({
      ROUTING_POLICIES: 'team-a:eu',
      ROUTING_POLICY_FILE: aFile({ eu: EU }),
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.byTeam.get('team-a')).toEqual(EU);
    expect(loaded.byTeam.has('team-b')).toBe(false);
    expect(loadRoutingPolicies({})).toEqual({ byTeam: new Map(), problems: [] });
  });

  const withRule = (rule: Record<string, unknown>) => ({
    eu: { ...EU, rules: [{ ...EU.rules[0], ...rule }] },
  });

  it.each([
    ['no otherwise', { eu: { ...EU, otherwise: undefined } }, 'eu.otherwise:'],
    ['an unknown condition', withRule({ when: { country: 'GB' } }), 'eu.rules.0.when.country:'],
    [
      'a percent that is text',
      withRule({ split: [{ provider: 'checkout', percent: '100' }] }),
      'eu.rules.0.split.0.percent:',
    ],
    [
      'an unknown provider',
      withRule({ providers: ['stripe'], split: undefined }),
      'eu.rules.0.providers.0: must be one of: checkout',
    ],
    [
      'a split short of 100',
      withRule({ split: [{ provider: 'checkout', percent: 90 }] }),
      'eu.rules.0.split: the percents must add up to 100',
    ],
    [
      'an upside-down BIN range',
      withRule({ when: { bin_ranges: [{ from: '5', to: '4' }] } }),
      'eu.rules.0.when.bin_ranges.0: from is above to',
    ],
  ])('refuses %s, naming where and never the value', (_, content, reason) => {
    const loaded = loadRoutingPolicies({
      ROUTING_POLICIES: 'team-a:eu',
      ROUTING_POLICY_FILE: aFile(content),
    });
    expect(loaded.problems).toContainEqual({
      setting: 'ROUTING_POLICY_FILE',
      reason: expect.stringContaining(reason),
    });
    expect(loaded.problems).toContainEqual({
      setting: 'ROUTING_POLICIES',
      reason: 'policy eu is not defined',
    });
  });
});
