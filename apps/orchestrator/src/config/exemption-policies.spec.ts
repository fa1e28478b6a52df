import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_EXEMPTION_POLICY } from '@app/domain';
import { loadExemptionPolicies } from './exemption-policies.js';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

const directory = mkdtempSync(join(tmpdir(), 'exemption-policies-'));
let files = 0;
const aFile = (content: unknown): string => {
  const path = join(directory, `policies-${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const CAUTIOUS = {
  version: 'cautious-3',
  rules: [
    {
      name: 'small_gbp',
      when: { currencies: ['GBP'], max_amount: 2_500, channels: ['browser'], schemes: ['visa'] },
      challenge_indicator: 'low_value',
    },
    {
      name: 'reorders',
      when: { merchant_risk: { is_reorder: true }, authentication_types: ['regular'] },
      challenge_indicator: 'transaction_risk_assessment',
    },
  ],
  otherwise: 'challenge_requested',
};

describe('loadExemptionPolicies', () => {
  it('gives each listed team its policy: the default, or one of the file’s', () => {
    const loaded = loadExemptionPolicies({
      EXEMPTION_POLICIES: 'team-a:default,team-b:cautious',
      EXEMPTION_POLICY_FILE: aFile({ cautious: CAUTIOUS }),
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.byTeam.get('team-a')).toBe(DEFAULT_EXEMPTION_POLICY);
    expect(loaded.byTeam.get('team-b')).toEqual(CAUTIOUS);
    expect(loaded.byTeam.has('team-c')).toBe(false);
  });

  it('reads a policy without `otherwise` as no preference', () => {
    const { otherwise: _, ...withoutOtherwise } = CAUTIOUS;
    const loaded = loadExemptionPolicies({
      EXEMPTION_POLICIES: 'team-b:lean',
      EXEMPTION_POLICY_FILE: aFile({ lean: withoutOtherwise }),
    });
    expect(loaded.byTeam.get('team-b')?.otherwise).toBe('no_preference');
  });

  it('has no policy for anyone when nothing is set', () => {
    expect(loadExemptionPolicies({})).toEqual({ byTeam: new Map(), problems: [] });
  });

  const withRule = (rule: Record<string, unknown>) => ({
    cautious: { ...CAUTIOUS, rules: [{ ...CAUTIOUS.rules[0], ...rule }] },
  });

  it.each([
    ['a file that is not JSON', '{ not json', 'cannot be read as JSON (SyntaxError)'],
    ['a list instead of an object', [], 'must be a JSON object of policy name → policy'],
    ['a policy that is not an object', { cautious: 'strict' }, 'cautious: must be a policy object'],
    [
      'no version',
      { cautious: { ...CAUTIOUS, version: '' } },
      'cautious.version: version should not be empty',
    ],
    [
      'an unknown indicator',
      withRule({ challenge_indicator: 'please_no' }),
      'cautious.rules.0.challenge_indicator:',
    ],
    [
      'a lower-case currency',
      withRule({ when: { currencies: ['gbp'] } }),
      'cautious.rules.0.when.currencies:',
    ],
    [
      'an unknown channel',
      withRule({ when: { channels: ['kiosk'] } }),
      'cautious.rules.0.when.channels:',
    ],
    [
      'an unknown scheme',
      withRule({ when: { schemes: ['bankcard'] } }),
      'cautious.rules.0.when.schemes:',
    ],
    [
      'a negative amount',
      withRule({ when: { max_amount: -1 } }),
      'cautious.rules.0.when.max_amount:',
    ],
    [
      'an unknown condition',
      withRule({ when: { country: 'GB' } }),
      'cautious.rules.0.when.country: property country should not exist',
    ],
    [
      'a risk flag that is not a boolean',
      withRule({ when: { merchant_risk: { gift_card: 'no' } } }),
      'cautious.rules.0.when.merchant_risk.gift_card:',
    ],
    [
      'two rules of one name',
      { cautious: { ...CAUTIOUS, rules: [CAUTIOUS.rules[0], CAUTIOUS.rules[0]] } },
      'cautious.rules: rule names must be unique',
    ],
    [
      'the default’s name taken',
      { default: CAUTIOUS },
      "default: is the service's own policy's name",
    ],
  ])('refuses %s, naming where', (_, content, reason) => {
    const { problems } = loadExemptionPolicies({ EXEMPTION_POLICY_FILE: aFile(content) });
    expect(problems).toContainEqual({
      setting: 'EXEMPTION_POLICY_FILE',
      reason: expect.stringContaining(reason),
    });
  });

  it('refuses a team listed twice, or a policy nobody defined', () => {
    expect(
      loadExemptionPolicies({ EXEMPTION_POLICIES: 'team-a:default,team-a:default' }).problems,
    ).toEqual([{ setting: 'EXEMPTION_POLICIES', reason: 'team team-a is listed more than once' }]);
    expect(loadExemptionPolicies({ EXEMPTION_POLICIES: 'team-a:cautious' }).problems).toEqual([
      { setting: 'EXEMPTION_POLICIES', reason: 'policy cautious is not defined' },
    ]);
  });

  it('stops the service from starting on a bad policy, and never echoes the file', () => {
    const secretLooking = 'sk_live_should_not_echo';
    const path = aFile({ cautious: { ...CAUTIOUS, version: 7, rules: secretLooking } });
    const start = () =>
      validateOrchestratorEnvironment({
        CHECKOUT_API_URL: 'https://api.checkout.com',
        CHECKOUT_TOKEN_URL: 'https://access.checkout.com/connect/token',
        CHECKOUT_CLIENT_ID: 'ack_x',
        CHECKOUT_CLIENT_SECRET: 'secret',
        API_KEYS: 'team-a:team-a-api-key-0000000001',
        CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        CARD_FINGERPRINT_KEY: 'test-card-fingerprint-key-0000000000000',
        EXEMPTION_POLICIES: 'team-a:cautious',
        EXEMPTION_POLICY_FILE: path,
      });
    expect(start).toThrow(/EXEMPTION_POLICY_FILE: cautious\.version/);
    expect(start).toThrow(/EXEMPTION_POLICIES: policy cautious is not defined/);
    expect(start).not.toThrow(new RegExp(secretLooking));
  });
});
