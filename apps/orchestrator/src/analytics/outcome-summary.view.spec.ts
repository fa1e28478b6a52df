import type { OutcomeGroup } from '@app/persistence';
import { outcomeSummaryView, rateOf } from './outcome-summary.view.js';

const WINDOW = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-02T00:00:00Z') };

const aGroup = (overrides: Partial<OutcomeGroup>): OutcomeGroup => ({
  scheme: 'visa',
  channel: 'browser',
  exemption: 'none',
  exemptionApplied: null,
  total: 0,
  finished: 0,
  frictionless: 0,
  challenged: 0,
  succeeded: 0,
  failed: 0,
  abandoned: 0,
  failureReasons: [],
  ...overrides,
});

describe('outcome summary view', () => {
  it('gives each rate with what it was counted from', () => {
    const view = outcomeSummaryView(WINDOW, [
      aGroup({
        total: 5,
        finished: 4,
        frictionless: 1,
        challenged: 2,
        succeeded: 2,
        failed: 2,
        abandoned: 1,
      }),
    ]);
    expect(view).toMatchObject({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
      groups: [
        {
          scheme: 'visa',
          channel: 'browser',
          exemption: 'none',
          exemption_applied: null,
          counts: { total: 5, finished: 4, frictionless: 1, challenged: 2, succeeded: 2 },
          rates: {
            frictionless: { rate: 1 / 3, numerator: 1, denominator: 3 },
            challenge: { rate: 2 / 3, numerator: 2, denominator: 3 },
            success: { rate: 0.5, numerator: 2, denominator: 4 },
            abandonment: { rate: 0.5, numerator: 1, denominator: 2 },
          },
          failure_reasons: [],
        },
      ],
    });
  });

  it('answers null, not NaN, for a rate of nothing', () => {
    expect(rateOf(0, 0)).toEqual({ rate: null, numerator: 0, denominator: 0 });
    const view = outcomeSummaryView(WINDOW, [aGroup({ total: 2 })]);
    const rates = (view.groups as { rates: Record<string, { rate: unknown }> }[])[0].rates;
    expect(Object.values(rates).map((rate) => rate.rate)).toEqual([null, null, null, null]);
    expect(JSON.stringify(view)).not.toContain('NaN');
  });

  it('sums the groups into totals, their rates from the sums', () => {
    const view = outcomeSummaryView(WINDOW, [
      aGroup({ total: 3, finished: 3, frictionless: 3, succeeded: 3 }),
      aGroup({
        exemption: 'low_value',
        exemptionApplied: false,
        total: 1,
        finished: 1,
        challenged: 1,
        failed: 1,
        abandoned: 1,
      }),
    ]);
    expect(view.totals).toEqual({
      counts: {
        total: 4,
        finished: 4,
        frictionless: 3,
        challenged: 1,
        succeeded: 3,
        failed: 1,
        abandoned: 1,
      },
      rates: {
        frictionless: { rate: 0.75, numerator: 3, denominator: 4 },
        challenge: { rate: 0.25, numerator: 1, denominator: 4 },
        success: { rate: 0.75, numerator: 3, denominator: 4 },
        abandonment: { rate: 1, numerator: 1, denominator: 1 },
      },
    });
  });

  it('has totals of zero and no groups for an empty window', () => {
    const view = outcomeSummaryView(WINDOW, []);
    expect(view.groups).toEqual([]);
    expect(view.totals).toMatchObject({
      counts: { total: 0, finished: 0 },
      rates: { success: { rate: null, numerator: 0, denominator: 0 } },
    });
  });
});
