import type { FailureReasonCount, OutcomeGroup } from '@app/persistence';
import { outcomeSummaryView } from '../outcome-summary.view.js';

const reason = (
  outcome: string,
  codes: Partial<Omit<FailureReasonCount, 'outcome' | 'count'>>,
  count: number,
): FailureReasonCount => ({
  outcome,
  response_code: null,
  response_status_reason: null,
  status_reason: null,
  challenge_cancel_reason: null,
  failure_reason: null,
  ...codes,
  count,
});

/** A day of one team: Visa browser traffic with and without a low-value exemption. */
export const OUTCOME_SUMMARY_EXAMPLE = outcomeSummaryView(
  { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-02T00:00:00Z') },
  [
    {
      scheme: 'visa',
      channel: 'browser',
      exemption: 'no_preference',
      exemptionApplied: null,
      total: 120,
      finished: 118,
      frictionless: 80,
      challenged: 36,
      succeeded: 104,
      failed: 14,
      abandoned: 5,
      failureReasons: [
        reason('not_authenticated', { response_code: 'N', response_status_reason: '01' }, 6),
        reason('abandoned', { challenge_cancel_reason: 'cardholder_cancel' }, 4),
        reason('rejected', { response_code: 'R', response_status_reason: '11' }, 2),
        reason('expired', {}, 1),
        reason('error', { failure_reason: 'checkout_session_stalled' }, 1),
      ],
    },
    {
      scheme: 'visa',
      channel: 'browser',
      exemption: 'low_value',
      exemptionApplied: true,
      total: 40,
      finished: 40,
      frictionless: 40,
      challenged: 0,
      succeeded: 0,
      failed: 0,
      abandoned: 0,
      failureReasons: [],
    },
  ] satisfies OutcomeGroup[],
);
