import {
  NoProviderCanServeError,
  ProviderCircuitOpenError,
  ProviderSet,
  type ProviderAvailability,
  type ProviderCapabilities,
  type RoutingPolicy,
  type SessionRequest,
  type ThreeDsProvider,
} from '@app/domain';
import { Registry } from 'prom-client';
import type { StrategyConfig } from '../config/strategy.config.js';
import { ProviderCircuitMetrics } from '../metrics/provider-circuit.metrics.js';
import { EVERY_CAPABILITY } from '../../../../test/support/provider-capabilities.js';
import { ProviderRouting, splitBucketOf } from './provider-routing.js';

const ALL = EVERY_CAPABILITY;

/** A test double of the port: only what routing reads (name, channels, capabilities, breaker). */
const aProvider = (
  name: string,
  capabilities: Partial<ProviderCapabilities> = {},
  availability: ProviderAvailability = { circuit: 'closed', available: true },
) =>
  ({
    name,
    channels: ALL.channels,
    capabilities: { ...ALL, ...capabilities },
    availability: () => availability,
  }) as unknown as ThreeDsProvider;

const OPEN: ProviderAvailability = { circuit: 'open', available: false, retryAfterSeconds: 7 };

const REQUEST = {
  source: { type: 'card', number: '4485040371536584', expiry_month: 12, expiry_year: 2030 },
  amount: 6540,
  currency: 'EUR',
  channel: 'browser',
  reference: 'ORDER-1',
} as SessionRequest;

const POLICY: RoutingPolicy<string> = {
  version: 'routing-4',
  rules: [{ name: 'eur', when: { currencies: ['EUR'] }, providers: ['one', 'two'] }],
  otherwise: { providers: ['two'] },
};

function aRouting(providers: ThreeDsProvider[], options: { keyTaken?: boolean } = {}) {
  const config = {
    routingPolicies: new Map([['team-a', POLICY]]),
  } as unknown as StrategyConfig;
  const keys = { find: () => Promise.resolve(options.keyTaken ? {} : null) };
  const metrics = new ProviderCircuitMetrics(new Registry());
  return new ProviderRouting(
    new ProviderSet(providers, providers[0].name),
    keys as never,
    metrics,
    config,
  );
}

const KEY = { teamId: 'team-a', keyHash: 'hash-1', requestHash: 'body' };

describe('the split bucket', () => {
  it('is the same for the same team and key, within 0–99, and spreads keys over the buckets', () => {
    const bucket = splitBucketOf('team-a', 'hash-1');
    expect(splitBucketOf('team-a', 'hash-1')).toBe(bucket);
    expect(bucket).toBeGreaterThanOrEqual(0);
    expect(bucket).toBeLessThan(100);
    const buckets = new Set(
      Array.from({ length: 200 }, (_, i) => splitBucketOf('team-a', `k${i}`)),
    );
    expect(buckets.size).toBeGreaterThan(50);
  });
});

describe('ProviderRouting', () => {
  it('takes the rule’s primary and records the rule, the version and no fallback', async () => {
    const routed = await aRouting([aProvider('one'), aProvider('two')]).route(
      'team-a',
      REQUEST,
      'auth_1',
      KEY,
    );
    expect(routed.provider.name).toBe('one');
    expect(routed.record).toEqual({
      provider: 'one',
      decided_by: 'rule',
      rule: 'eur',
      policy_version: 'routing-4',
      split_bucket: null,
      fallback_used: false,
      skipped: [],
    });
  });

  it('sends a team without a policy to THREEDS_PROVIDER, recorded as default', async () => {
    const routed = await aRouting([aProvider('one')]).route('team-b', REQUEST, 'auth_1', undefined);
    expect(routed.record).toMatchObject({
      provider: 'one',
      decided_by: 'default',
      rule: 'default',
      policy_version: null,
    });
  });

  it('fails over in the rule’s order while the primary’s breaker is open', async () => {
    const routed = await aRouting([aProvider('one', {}, OPEN), aProvider('two')]).route(
      'team-a',
      REQUEST,
      'auth_1',
      KEY,
    );
    expect(routed.record).toMatchObject({
      provider: 'two',
      fallback_used: true,
      skipped: [{ provider: 'one', because: 'breaker_open' }],
    });
  });

  it('skips a provider that cannot serve the create (hosted, here) for the next', async () => {
    const hosted = { ...REQUEST, hosted: {} } as SessionRequest;
    const routed = await aRouting([aProvider('one', { hosted: false }), aProvider('two')]).route(
      'team-a',
      hosted,
      'auth_1',
      KEY,
    );
    expect(routed.record.skipped).toEqual([
      { provider: 'one', because: 'cannot_serve', unmet_needs: ['hosted'] },
    ]);
  });

  it('refuses with NO_PROVIDER_CAN_SERVE, naming each one’s unmet needs, when none can serve', async () => {
    const app = { ...REQUEST, channel: 'app' } as SessionRequest;
    const routing = aRouting([
      aProvider('one', { channels: ['browser'] }),
      aProvider('two', { channels: ['browser'] }),
    ]);
    const refusal = await routing
      .route('team-a', app, 'auth_1', KEY)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(NoProviderCanServeError);
    expect(refusal).toMatchObject({
      details: { unmet_needs: { one: ['channel'], two: ['channel'] } },
    });
  });

  it('refuses with PROVIDER_CIRCUIT_OPEN and the soonest Retry-After when every breaker is open', async () => {
    const routing = aRouting([
      aProvider('one', {}, OPEN),
      aProvider('two', {}, { ...OPEN, retryAfterSeconds: 3 }),
    ]);
    const refusal = await routing
      .route('team-a', REQUEST, 'auth_1', KEY)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ProviderCircuitOpenError);
    expect(refusal).toMatchObject({ provider: 'one', retryAfterSeconds: 3 });
  });

  it('lets a key already taken go on to its replay, breakers open or not', async () => {
    const routing = aRouting([aProvider('one', {}, OPEN), aProvider('two', {}, OPEN)], {
      keyTaken: true,
    });
    await expect(routing.route('team-a', REQUEST, 'auth_1', KEY)).resolves.toMatchObject({
      record: { provider: 'one' },
    });
  });
});
