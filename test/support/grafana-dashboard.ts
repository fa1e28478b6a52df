import type { FactoryProvider } from '@nestjs/common';
import { Registry } from 'prom-client';
import { MetricsModule } from '../../apps/orchestrator/src/metrics/metrics.module.js';

/** Every series name `/metrics` can show, with the labels it carries. */
export type MetricCatalogue = ReadonlyMap<string, readonly string[]>;

/** The series of a histogram or summary besides its own name, and the label each adds. */
const SUFFIXES: Readonly<Record<string, readonly (readonly [string, string[]])[]>> = {
  histogram: [
    ['_bucket', ['le']],
    ['_sum', []],
    ['_count', []],
  ],
  summary: [
    ['', ['quantile']],
    ['_sum', []],
    ['_count', []],
  ],
};

/**
 * The series the orchestrator registers, read from MetricsModule itself: its Registry factory
 * (Node's default metrics included), then every class it provides, built on that registry (a
 * recorder's constructor registers its series; none reads its other arguments while built).
 */
export function registeredSeries(): MetricCatalogue {
  const providers = Reflect.getMetadata('providers', MetricsModule) as unknown[];
  const factory = providers.find(
    (provider): provider is FactoryProvider<Registry> =>
      typeof provider === 'object' && (provider as FactoryProvider).provide === Registry,
  );
  if (!factory) throw new Error('MetricsModule provides no Registry');
  const registry = factory.useFactory() as Registry;
  for (const provider of providers) {
    if (typeof provider === 'function') {
      new (provider as new (...args: unknown[]) => unknown)(registry, {});
    }
  }
  const catalogue = new Map<string, string[]>();
  for (const metric of registry.getMetricsAsArray()) {
    const { name, type, labelNames = [] } = metric as typeof metric & { labelNames?: string[] };
    catalogue.set(name, [...labelNames]);
    for (const [suffix, extra] of SUFFIXES[String(type)] ?? []) {
      catalogue.set(`${name}${suffix}`, [...labelNames, ...extra]);
    }
  }
  return catalogue;
}

/** The PromQL functions, aggregations and keywords a dashboard may use. */
const PROMQL_WORDS = new Set([
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'topk',
  'bottomk',
  'rate',
  'increase',
  'histogram_quantile',
  'clamp_min',
  'clamp_max',
  'by',
  'without',
  'on',
  'ignoring',
  'and',
  'or',
  'unless',
  'bool',
]);

const SELECTOR = /([a-zA-Z_:][\w:]*)\s*\{([^}]*)\}/g;
const MATCHER = /([a-zA-Z_]\w*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g;
const GROUPING = /\b(?:by|without)\s*\(([^)]*)\)/g;

/** The expression without its strings, label matchers, ranges, groupings and Grafana variables. */
const wordsOf = (expr: string): string[] =>
  [
    ...expr
      .replace(/"(?:[^"\\]|\\.)*"/g, '')
      .replace(/\{[^}]*\}/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(GROUPING, '')
      .replace(/\$\w+/g, '')
      .matchAll(/[a-zA-Z_:][\w:]*/g),
  ].map(([word]) => word);

/** The series an expression reads: with label matchers or bare. */
const seriesOf = (expr: string): Set<string> =>
  new Set([
    ...[...expr.matchAll(SELECTOR)].map(([, name]) => name),
    ...wordsOf(expr).filter((word) => !PROMQL_WORDS.has(word)),
  ]);

/** Labels grouped by (or asked for) that one of the series lacks. */
const groupingProblems = (
  series: ReadonlySet<string>,
  labels: readonly string[],
  catalogue: MetricCatalogue,
): string[] =>
  labels.flatMap((label) =>
    [...series]
      .filter((name) => catalogue.get(name)?.includes(label) === false)
      .map((name) => `${name}: no label ${label} to group by`),
  );

/**
 * What in one PromQL expression (or a Grafana `label_values(…)` query) the catalogue does not
 * know: a series, a label on it, a label grouped by that one of its series lacks, a value
 * outside a closed set (`knownValues`), or a word that is neither PromQL nor a series.
 */
export function exprProblems(
  expr: string,
  catalogue: MetricCatalogue,
  knownValues: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const labelValues = /^label_values\((.*),\s*(\w+)\)$/.exec(expr.trim());
  if (labelValues) {
    const [, inner, label] = labelValues;
    return [
      ...exprProblems(inner, catalogue, knownValues),
      ...groupingProblems(seriesOf(inner), [label], catalogue),
    ];
  }
  const problems: string[] = [];
  for (const name of seriesOf(expr)) {
    if (!catalogue.has(name)) problems.push(`${name}: neither PromQL nor a series`);
  }
  for (const [, name, matchers] of expr.matchAll(SELECTOR)) {
    const labels = catalogue.get(name) ?? [];
    for (const [, label, operator, value] of matchers.matchAll(MATCHER)) {
      if (catalogue.has(name) && !labels.includes(label))
        problems.push(`${name}: no label ${label}`);
      const known = knownValues[label];
      if (!known || value.includes('$')) continue;
      const values = operator.endsWith('~') ? value.split('|') : [value];
      for (const one of values.filter((candidate) => !known.includes(candidate))) {
        problems.push(`${name}: ${label} is never "${one}"`);
      }
    }
  }
  const grouped = [...expr.matchAll(GROUPING)].flatMap(([, labels]) =>
    labels.split(',').map((label) => label.trim()),
  );
  return [...new Set(problems), ...groupingProblems(seriesOf(expr), grouped, catalogue)];
}

/** A Grafana dashboard's PromQL: every panel target's, nested rows included, and the variables'. */
export function dashboardQueries(dashboard: unknown): { where: string; expr: string }[] {
  const board = dashboard as {
    panels?: Panel[];
    templating?: { list?: { name: string; type: string; query?: unknown }[] };
  };
  const panels = (list: readonly Panel[] = []): Panel[] =>
    list.flatMap((panel) => [panel, ...panels(panel.panels)]);
  const targets = panels(board.panels).flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({
      where: `panel "${panel.title}" ${target.refId}`,
      expr: target.expr,
    })),
  );
  const variables = (board.templating?.list ?? [])
    .filter((variable) => variable.type === 'query')
    .map((variable) => ({
      where: `variable ${variable.name}`,
      expr:
        typeof variable.query === 'string'
          ? variable.query
          : (variable.query as { query: string }).query,
    }));
  return [...targets, ...variables];
}

interface Panel {
  readonly title: string;
  readonly panels?: readonly Panel[];
  readonly targets?: readonly { readonly refId: string; readonly expr: string }[];
}
