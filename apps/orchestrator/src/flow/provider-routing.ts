import { createHash } from 'node:crypto';
import {
  chooseProvider,
  defaultRouting,
  NoProviderCanServeError,
  NO_TEAM_RELIANCE,
  ProviderCircuitOpenError,
  providerNeedsOf,
  routeOf,
  routingFactsOf,
  SPLIT_BUCKETS,
  ThreeDsProviders,
  unmetNeeds,
  type BreakerReading,
  type ProviderCapabilities,
  type RoutingRecord,
  type SessionRequest,
  type ThreeDsProvider,
} from '@app/domain';
import { IdempotencyKeyRepository, type CreatingKey } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { strategyConfig, type StrategyConfig } from '../config/strategy.config.js';
import { ProviderCircuitMetrics } from '../metrics/provider-circuit.metrics.js';

/**
 * The split bucket (0–99) of a create: sha256 of the team and its Idempotency-Key (hashed), so a
 * replay lands in the same one, or of the new authentication's id when there is no key.
 */
export function splitBucketOf(team: string, stableKey: string): number {
  const digest = createHash('sha256').update(`${team}\n${stableKey}`).digest();
  return digest.readUInt32BE(0) % SPLIT_BUCKETS;
}

/** Where a create goes: the provider (behind its breaker) and the decision, as recorded. */
export interface Routed {
  readonly provider: ThreeDsProvider;
  readonly record: RoutingRecord;
}

/**
 * Chooses the provider of a new authentication, once (docs/routing.md): the team's routing
 * policy, else THREEDS_PROVIDER; then the first of the chosen providers that can serve the create
 * and whose breaker lets it through. Refusals come before anything is recorded, so the key stays
 * free: none can serve → 422 NO_PROVIDER_CAN_SERVE; all behind open breakers → 503
 * PROVIDER_CIRCUIT_OPEN with Retry-After (unless the key is taken: its replay needs no provider).
 */
@Injectable()
export class ProviderRouting {
  constructor(
    private readonly providers: ThreeDsProviders,
    private readonly keys: IdempotencyKeyRepository,
    private readonly circuitMetrics: ProviderCircuitMetrics,
    @Inject(strategyConfig.KEY) private readonly config: StrategyConfig,
  ) {}

  async route(
    team: string,
    request: SessionRequest,
    authenticationId: string,
    key: CreatingKey | undefined,
  ): Promise<Routed> {
    const policy = this.config.routingPolicies.get(team);
    const bucket = splitBucketOf(team, key?.keyHash ?? authenticationId);
    const decision = policy
      ? routeOf(policy, routingFactsOf(request), bucket)
      : defaultRouting(this.providers.defaultName);
    // No team setting declares a reliance on 3DS1 or a provider's own session id yet.
    const needs = providerNeedsOf(request, NO_TEAM_RELIANCE);
    const choice = chooseProvider(
      decision,
      (name) => breakerReading(this.providers.of(name)),
      (name) => unmetNeeds(needs, capabilitiesOf(this.providers.of(name))),
    );
    const recordOf = (provider: string): RoutingRecord => ({
      provider,
      decided_by: decision.decided_by,
      rule: decision.rule,
      policy_version: decision.policy_version,
      split_bucket: decision.split_bucket ?? null,
      fallback_used: 'fallback_used' in choice ? choice.fallback_used : false,
      skipped: choice.skipped,
    });
    if ('refused' in choice) {
      if (choice.refused === 'no_capable_provider') {
        const unmet = Object.fromEntries(
          choice.skipped.map((one) => [
            one.provider,
            one.because === 'cannot_serve' ? one.unmet_needs : [],
          ]),
        );
        throw new NoProviderCanServeError(unmet);
      }
      const primary = this.providers.of(decision.providers[0]);
      if (key && (await this.keys.find(key.teamId, key.keyHash))) {
        return { provider: primary, record: recordOf(primary.name) };
      }
      const closed = choice.skipped.filter((one) => one.because === 'breaker_open');
      closed.forEach((one) => this.circuitMetrics.callRefused(one.provider, 'create_session'));
      const seconds = Math.max(1, choice.retry_after_seconds ?? 1);
      throw new ProviderCircuitOpenError(closed[0]?.provider ?? primary.name, seconds);
    }
    return { provider: this.providers.of(choice.provider), record: recordOf(choice.provider) };
  }
}

/** Open only when no call would go through now: an open breaker due for its probe is not. */
function breakerReading(provider: ThreeDsProvider): BreakerReading {
  const availability = provider.availability();
  if (availability.available) return { open: false };
  return availability.retryAfterSeconds === undefined
    ? { open: true }
    : { open: true, retry_after_seconds: availability.retryAfterSeconds };
}

/** What the provider declares, narrowed to the channels its account is enabled for. */
const capabilitiesOf = (provider: ThreeDsProvider): ProviderCapabilities => ({
  ...provider.capabilities,
  channels: provider.capabilities.channels.filter((channel) => provider.channels.includes(channel)),
});

/** The decision in the first timeline entry's flat detail, beside the exemption decision. */
export function routingDetail(record: RoutingRecord): Record<string, string | number | boolean> {
  return {
    provider: record.provider,
    routing_decided_by: record.decided_by,
    routing_rule: record.rule,
    ...(record.policy_version !== null && { routing_policy_version: record.policy_version }),
    ...(record.split_bucket !== null && { routing_split_bucket: record.split_bucket }),
    routing_fallback_used: record.fallback_used,
  };
}
