import type { OutcomeGroup } from '@app/persistence';
import type { AnalyticsWindow } from './analytics-window.js';

const COUNTS = [
  'total',
  'finished',
  'frictionless',
  'challenged',
  'succeeded',
  'failed',
  'abandoned',
] as const;

type Counts = Readonly<Record<(typeof COUNTS)[number], number>>;

/** A share with what it was counted from; null, not NaN, when there was nothing to count. */
export const rateOf = (numerator: number, denominator: number) => ({
  rate: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

const countsOf = (group: Counts): Counts =>
  Object.fromEntries(COUNTS.map((name) => [name, group[name]])) as Counts;

function ratesOf(counts: Counts) {
  const withResult = counts.frictionless + counts.challenged;
  return {
    frictionless: rateOf(counts.frictionless, withResult),
    challenge: rateOf(counts.challenged, withResult),
    success: rateOf(counts.succeeded, counts.finished),
    abandonment: rateOf(counts.abandoned, counts.challenged),
  };
}

/** The summary as `GET /v1/analytics/authentications` answers it. */
export function outcomeSummaryView(
  window: AnalyticsWindow,
  groups: readonly OutcomeGroup[],
): Record<string, unknown> {
  const totals = Object.fromEntries(
    COUNTS.map((name) => [name, groups.reduce((sum, group) => sum + group[name], 0)]),
  ) as Counts;
  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    totals: { counts: totals, rates: ratesOf(totals) },
    groups: groups.map((group) => ({
      scheme: group.scheme,
      channel: group.channel,
      exemption: group.exemption,
      exemption_applied: group.exemptionApplied,
      counts: countsOf(group),
      rates: ratesOf(group),
      failure_reasons: group.failureReasons,
    })),
  };
}
