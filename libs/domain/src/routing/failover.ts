import type { ProviderName } from '../provider/provider-names.js';
import type { ProviderNeed } from './provider-capabilities.js';
import type { RoutingDecision } from './routing-policy.js';

/**
 * What the caller's circuit breaker says of a provider now: closed (or half-open, letting a trial
 * call through), or open, with how long until it may let one through, when it knows.
 */
export type BreakerReading =
  { readonly open: false } | { readonly open: true; readonly retry_after_seconds?: number };

/** A provider of the decision passed over, and why, as recorded. */
export type SkippedProvider<P extends string = ProviderName> =
  | { readonly provider: P; readonly because: 'breaker_open' }
  | {
      readonly provider: P;
      readonly because: 'cannot_serve';
      readonly unmet_needs: readonly ProviderNeed[];
    };

/**
 * The provider the session is created at, or why none is:
 * - `no_capable_provider`: none of them can serve the create; retrying will not help (422);
 * - `all_unavailable`: the ones that could are all behind open breakers (503, Retry-After).
 */
export type FailoverChoice<P extends string = ProviderName> =
  | {
      readonly provider: P;
      /** Not the decision's primary: the skipped ones say why. */
      readonly fallback_used: boolean;
      readonly skipped: readonly SkippedProvider<P>[];
    }
  | { readonly refused: 'no_capable_provider'; readonly skipped: readonly SkippedProvider<P>[] }
  | {
      readonly refused: 'all_unavailable';
      /** The soonest any of their breakers may let a call through; absent when none knows. */
      readonly retry_after_seconds?: number;
      readonly skipped: readonly SkippedProvider<P>[];
    };

/**
 * The first of the decision's providers, in order, that can serve the create and whose breaker
 * lets it through. Chosen once, at create: the authentication stays with it to the end.
 */
export function chooseProvider<P extends string>(
  decision: RoutingDecision<P>,
  breakerOf: (provider: P) => BreakerReading,
  unmetNeedsOf: (provider: P) => readonly ProviderNeed[],
): FailoverChoice<P> {
  const skipped: SkippedProvider<P>[] = [];
  const waits: number[] = [];
  for (const provider of decision.providers) {
    const unmet = unmetNeedsOf(provider);
    if (unmet.length > 0) {
      skipped.push({ provider, because: 'cannot_serve', unmet_needs: unmet });
      continue;
    }
    // Read only for a provider that would be called: reading a half-open breaker may take its
    // one trial call.
    const breaker = breakerOf(provider);
    if (breaker.open) {
      skipped.push({ provider, because: 'breaker_open' });
      if (breaker.retry_after_seconds !== undefined) waits.push(breaker.retry_after_seconds);
      continue;
    }
    return { provider, fallback_used: provider !== decision.providers[0], skipped };
  }
  if (skipped.every((one) => one.because === 'cannot_serve')) {
    return { refused: 'no_capable_provider', skipped };
  }
  return {
    refused: 'all_unavailable',
    ...(waits.length > 0 ? { retry_after_seconds: Math.min(...waits) } : {}),
    skipped,
  };
}
