import type { SkippedProvider } from './failover.js';

/**
 * How a new authentication's provider was chosen, as recorded with it (`routing_decision`),
 * answered (`routing`) and counted (docs/routing.md#recorded-answered-counted). `default`: the
 * team has no routing policy, so THREEDS_PROVIDER was taken.
 */
export interface RoutingRecord {
  readonly provider: string;
  readonly decided_by: 'rule' | 'otherwise' | 'default';
  /** The matching rule's name, `otherwise`, or `default`. */
  readonly rule: string;
  readonly policy_version: string | null;
  readonly split_bucket: number | null;
  readonly fallback_used: boolean;
  readonly skipped: readonly SkippedProvider<string>[];
}
