import type { ProviderName } from '../provider/provider-names.js';
import { cardNumberOf, type SessionRequest } from '../provider/session-request.js';
import {
  paymentFactsOf,
  paymentMatches,
  type PaymentConditions,
  type PaymentFacts,
} from '../strategy/payment-conditions.js';

/**
 * Inclusive range of a card number's leading digits: `from` and `to` have the same number of
 * digits (at most BIN_DIGITS), and a number is compared on that many of its own.
 */
export interface BinRange {
  readonly from: string;
  readonly to: string;
}

/** Eight: the longest BIN the schemes issue (ISO/IEC 7812-1:2017). */
export const BIN_DIGITS = 8;

export interface RoutingConditions extends PaymentConditions {
  /** Any range holding; a stored source (`token`, `id`) has no number and matches none. */
  readonly bin_ranges?: readonly BinRange[];
}

/** One provider's share of a split: `percent` of the buckets 0–99, in the split's order. */
export interface SplitShare<P extends string = ProviderName> {
  readonly provider: P;
  readonly percent: number;
}

/**
 * The providers an authentication may go to, in order: the first is the primary, the rest are
 * the fallbacks tried while it cannot be used. A split chooses the primary among them by bucket;
 * the others stay fallbacks in their listed order.
 */
export interface ProviderChoice<P extends string = ProviderName> {
  readonly providers: readonly P[];
  readonly split?: readonly SplitShare<P>[];
}

export interface RoutingRule<P extends string = ProviderName> extends ProviderChoice<P> {
  /** Unique in its policy: recorded with every decision it makes, and a metrics label. */
  readonly name: string;
  readonly when: RoutingConditions;
}

/** A team's routing: the first rule that matches chooses; none matching, `otherwise` does. */
export interface RoutingPolicy<P extends string = ProviderName> {
  /** The team's own version label, recorded with every decision (which policy decided). */
  readonly version: string;
  readonly rules: readonly RoutingRule<P>[];
  readonly otherwise: ProviderChoice<P>;
}

/**
 * Which providers a new authentication may go to, and why, as recorded and answered. `default`:
 * the team has no routing policy, so the service's default provider (THREEDS_PROVIDER) alone.
 */
export interface RoutingDecision<P extends string = ProviderName> {
  readonly decided_by: 'rule' | 'otherwise' | 'default';
  /** The team policy's version; null for `default`. */
  readonly policy_version: string | null;
  /** The matching rule's name, `otherwise`, or `default`. */
  readonly rule: string;
  /** The primary, then the fallbacks in order. */
  readonly providers: readonly P[];
  /** The bucket a split chose the primary by; absent when no split was consulted. */
  readonly split_bucket?: number;
}

/** What a routing policy reads of a create. */
export interface RoutingFacts extends PaymentFacts {
  /**
   * The number's leading digits (BIN_DIGITS at most), never the whole number: the facts may be
   * logged or kept. A network token is compared on its own digits (its token BIN range).
   */
  readonly bin?: string;
}

export function routingFactsOf(request: SessionRequest): RoutingFacts {
  const bin = cardNumberOf(request.source)?.slice(0, BIN_DIGITS);
  return { ...paymentFactsOf(request), ...(bin ? { bin } : {}) };
}

function inBinRange(range: BinRange, bin: string | undefined): boolean {
  const lead = bin?.slice(0, range.from.length);
  return (
    lead !== undefined &&
    lead.length === range.from.length &&
    lead >= range.from &&
    lead <= range.to
  );
}

export const routingRuleMatches = (when: RoutingConditions, facts: RoutingFacts): boolean =>
  paymentMatches(when, facts) &&
  (when.bin_ranges === undefined || when.bin_ranges.some((range) => inBinRange(range, facts.bin)));

/** The number of buckets a split divides: a share's `percent` is its count of them. */
export const SPLIT_BUCKETS = 100;

/** The share whose run of buckets holds `bucket`; undefined only for a split short of 100. */
function sharedTo<P extends string>(
  split: readonly SplitShare<P>[],
  bucket: number,
): P | undefined {
  let end = 0;
  for (const share of split) {
    end += share.percent;
    if (bucket < end) return share.provider;
  }
  return undefined;
}

/** The decision for a team without a routing policy: the service's default provider alone. */
export const defaultRouting = <P extends string>(provider: P): RoutingDecision<P> => ({
  decided_by: 'default',
  policy_version: null,
  rule: 'default',
  providers: [provider],
});

/**
 * The providers for a new authentication: the first matching rule's, else `otherwise`'s. The
 * domain computes no hash: `bucket` (an integer 0–99) is the caller's, derived from a key stable
 * for the create (docs/routing.md#the-split), so a replay lands in the same bucket.
 */
export function routeOf<P extends string>(
  policy: RoutingPolicy<P>,
  facts: RoutingFacts,
  bucket: number,
): RoutingDecision<P> {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= SPLIT_BUCKETS) {
    throw new RangeError(`bucket must be an integer from 0 to ${SPLIT_BUCKETS - 1}`);
  }
  const rule = policy.rules.find((candidate) => routingRuleMatches(candidate.when, facts));
  const choice = rule ?? policy.otherwise;
  const primary = (choice.split && sharedTo(choice.split, bucket)) ?? choice.providers[0];
  return {
    decided_by: rule ? 'rule' : 'otherwise',
    policy_version: policy.version,
    rule: rule?.name ?? 'otherwise',
    providers: [primary, ...choice.providers.filter((provider) => provider !== primary)],
    ...(choice.split ? { split_bucket: bucket } : {}),
  };
}
