import type { SkippedProvider } from './failover.js';
import type { RoutingDecision } from './routing-policy.js';

/**
 * How a new authentication's provider was chosen, as recorded with it (`routing_decision`),
 * answered (`routing`) and counted (docs/routing.md#recorded-answered-counted). `default`: the
 * team has no routing policy, so THREEDS_PROVIDER was taken.
 */
export interface RoutingRecord extends Pick<
  RoutingDecision<string>,
  'decided_by' | 'rule' | 'policy_version'
> {
  readonly provider: string;
  readonly split_bucket: number | null;
  readonly fallback_used: boolean;
  readonly skipped: readonly SkippedProvider<string>[];
}
