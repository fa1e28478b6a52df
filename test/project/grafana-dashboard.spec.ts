import { OUTCOMES } from '@app/domain';
import { readFileSync } from 'node:fs';
import { FLOWS } from '../../apps/orchestrator/src/metrics/metric-labels.js';
import {
  dashboardQueries,
  exprProblems,
  registeredSeries,
  type MetricCatalogue,
} from '../support/grafana-dashboard.js';

const DASHBOARD = 'ops/grafana/authentication-outcomes.json';

/** Label values the dashboard matches on that come from closed sets. */
const KNOWN_VALUES = { flow: FLOWS, outcome: OUTCOMES, applied: ['true', 'false'] };

/**
 * docs/operate.md#dashboard: the Grafana dashboard reads only series, labels and values the
 * orchestrator registers, so a renamed metric or label fails here rather than on a wall screen.
 */
describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
    templating: { list: { name: string }[] };
  };
  let catalogue: MetricCatalogue;

  beforeAll(() => {
    catalogue = registeredSeries();
  });

  it('reads the series MetricsModule registers, Node’s default ones included', () => {
    expect(catalogue.get('threeds_authentication_outcomes_total')).toEqual([
      'team',
      'scheme',
      'channel',
      'exemption',
      'flow',
      'outcome',
    ]);
    expect(catalogue.get('threeds_authentication_state_duration_seconds_bucket')).toContain('le');
    expect(catalogue.has('threeds_jobs')).toBe(true);
    expect(catalogue.has('process_cpu_user_seconds_total')).toBe(true);
  });

  it('asks only for series, labels and values the service registers', () => {
    const queries = dashboardQueries(dashboard);
    expect(queries.length).toBeGreaterThan(10);
    const problems = queries.flatMap(({ where, expr }) =>
      exprProblems(expr, catalogue, KNOWN_VALUES).map((problem) => `${where}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('lets the reader choose the team, and every panel follows the choice', () => {
    expect(dashboard.templating.list.map((variable) => variable.name)).toContain('team');
    const panels = dashboardQueries(dashboard).filter(({ where }) => where.startsWith('panel'));
    expect(panels.filter(({ expr }) => !expr.includes('team=~"$team"'))).toEqual([]);
  });

  it.each([
    ['sum(rate(threeds_authentication_outcome_total[5m]))', 'neither PromQL nor a series'],
    ['sum(rate(threeds_authentication_outcomes_total{tenant="a"}[5m]))', 'no label tenant'],
    [
      'sum(rate(threeds_authentication_outcomes_total{flow="challenged"}[5m]))',
      'never "challenged"',
    ],
    [
      'sum(rate(threeds_authentication_outcomes_total{outcome=~"authenticated|success"}[5m]))',
      'never "success"',
    ],
    ['sum by (rule) (rate(threeds_exemption_requests_total[5m]))', 'no label rule to group by'],
    ['label_values(threeds_exemption_requests_total, scheme)', 'no label scheme to group by'],
    ['sume(rate(threeds_claims_total[5m]))', 'sume: neither PromQL nor a series'],
  ])('refuses %s', (expr, problem) => {
    expect(exprProblems(expr, catalogue, KNOWN_VALUES)).toEqual([expect.stringContaining(problem)]);
  });
});
