// What a comparison prints and writes: medians over the pairs, the ratio per concurrency (the
// median of each pair's orchestrator/minimal throughput), a Markdown table for bench/README.md,
// results.json, and the one-line summary.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';

const IMPLEMENTATIONS = ['orchestrator', 'minimal'];

function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value, digits) => (value === null ? null : Number(value.toFixed(digits)));
const medianOf = (runs, pick, digits = 1) => round(median(runs.map(pick)), digits);

/** App, simulator and PostgreSQL together: what one flow costs the machine. */
const totalCpu = (run) =>
  run.cpu_ms_per_flow.app + run.cpu_ms_per_flow.simulator + run.cpu_ms_per_flow.postgres;

function summaryOf(runs) {
  return {
    runs: runs.length,
    flows_per_s: medianOf(runs, (r) => r.flows_per_s),
    latency_ms: {
      p50: medianOf(runs, (r) => r.latency_ms.p50),
      p99: medianOf(runs, (r) => r.latency_ms.p99),
    },
    commits_per_flow: medianOf(runs, (r) => r.commits_per_flow, 2),
    write_commits_per_flow: medianOf(runs, (r) => r.write_commits_per_flow, 2),
    cpu_ms_per_flow: Object.fromEntries(
      ['app', 'simulator', 'postgres'].map((key) => [
        key,
        medianOf(runs, (r) => r.cpu_ms_per_flow[key], 2),
      ]),
    ),
    cpu_ms_per_flow_total: medianOf(runs, totalCpu, 2),
    rows_per_flow: {
      inserted: medianOf(runs, (r) => r.rows_per_flow.inserted, 2),
      updated: medianOf(runs, (r) => r.rows_per_flow.updated, 2),
      deleted: medianOf(runs, (r) => r.rows_per_flow.deleted, 2),
    },
    wal_bytes_per_flow: medianOf(runs, (r) => r.wal_bytes_per_flow, 0),
    rss_mb: {
      before: medianOf(runs, (r) => r.rss_mb.before, 0),
      after: Math.max(...runs.map((r) => r.rss_mb.after)),
    },
    drain_ms: medianOf(runs, (r) => r.drain_ms, 0),
    errors: runs.reduce((sum, r) => sum + r.errors + r.incomplete, 0),
  };
}

/** Per concurrency: each implementation's medians and the median of the pairs' ratios. */
export function summarize(runs, concurrencies) {
  return concurrencies.map((concurrency) => {
    const at = runs.filter((run) => run.concurrency === concurrency);
    const of = (name) => at.filter((run) => run.implementation === name);
    const [orchestrator, minimal] = IMPLEMENTATIONS.map(of);
    const ratios = orchestrator.map((run, pair) => run.flows_per_s / minimal[pair]?.flows_per_s);
    return {
      concurrency,
      ratio: round(median(ratios), 2),
      orchestrator: summaryOf(orchestrator),
      minimal: summaryOf(minimal),
    };
  });
}

/** The orchestrator's commits per flow over every run (they do not depend on concurrency). */
export const orchestratorPerFlow = (runs, key) =>
  medianOf(
    runs.filter((run) => run.implementation === 'orchestrator'),
    (r) => r[key],
    1,
  );

export function finalLine(summaries, runs) {
  const ratios = summaries.map(({ concurrency, ratio }) => `ratio_c${concurrency}=${ratio}`);
  return (
    `${ratios.join(' ')} commits_per_flow=${orchestratorPerFlow(runs, 'commits_per_flow')} ` +
    `write_commits_per_flow=${orchestratorPerFlow(runs, 'write_commits_per_flow')} ` +
    `cpu_ms_per_flow=${medianOf(
      runs.filter((run) => run.implementation === 'orchestrator'),
      totalCpu,
      1,
    )}`
  );
}

const show = (value, digits = 1) => (value === null ? 'n/a' : value.toFixed(digits));

export function markdownTable(summaries) {
  const lines = [
    '| concurrency | implementation | flows/s | p50 ms | p99 ms | commits/flow | writing | CPU ms/flow: app | simulator | PostgreSQL | total | rows/flow ins · upd · del | WAL B/flow | RSS MB | drain s | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const summary of summaries) {
    for (const name of IMPLEMENTATIONS) {
      const s = summary[name];
      lines.push(
        `| ${summary.concurrency} | ${name} | ${show(s.flows_per_s, 0)} | ${show(s.latency_ms.p50)} | ` +
          `${show(s.latency_ms.p99)} | ${show(s.commits_per_flow)} | ${show(s.write_commits_per_flow)} | ` +
          `${show(s.cpu_ms_per_flow.app, 2)} | ` +
          `${show(s.cpu_ms_per_flow.simulator, 2)} | ${show(s.cpu_ms_per_flow.postgres, 2)} | ` +
          `${show(s.cpu_ms_per_flow_total, 2)} | ${show(s.rows_per_flow.inserted)} · ` +
          `${show(s.rows_per_flow.updated)} · ${show(s.rows_per_flow.deleted)} | ${show(s.wal_bytes_per_flow, 0)} | ` +
          `${show(s.rss_mb.before, 0)} → ${show(s.rss_mb.after, 0)} | ${show(s.drain_ms / 1000)} | ` +
          `${name === 'orchestrator' ? show(summary.ratio, 2) : ''} |`,
      );
    }
  }
  return lines.join('\n');
}

/** Written as `npm run lint` wants it (Prettier aligns Markdown tables, folds short JSON arrays). */
export async function writeFormatted(path, text) {
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(text, { ...options, filepath: path }));
}

/**
 * Replaces what stands between `<!-- {section}:start -->` and `<!-- {section}:end -->` in the
 * README.md of `directory`; nothing when there is no such README or section.
 */
export async function replaceReadmeSection(directory, section, text) {
  const readme = join(directory, 'README.md');
  if (!existsSync(readme)) return;
  const start = `<!-- ${section}:start -->`;
  const current = readFileSync(readme, 'utf8');
  const from = current.indexOf(start);
  const to = current.indexOf(`<!-- ${section}:end -->`);
  if (from < 0 || to < from) return;
  await writeFormatted(
    readme,
    `${current.slice(0, from + start.length)}\n${text}\n${current.slice(to)}`,
  );
}

/** results.json, and the table between the `results` markers of README.md in the same directory. */
export async function writeResults(directory, document, table) {
  await writeFormatted(join(directory, 'results.json'), JSON.stringify(document, null, 2));
  const { pairs, seconds, warmupSeconds } = document.config;
  const measured =
    `Measured ${document.finished_at.slice(0, 16).replace('T', ' ')} UTC: ${pairs} pairs, ` +
    `${seconds} s per run after ${warmupSeconds} s of warm-up, ${document.database} PostgreSQL.`;
  await replaceReadmeSection(
    directory,
    'results',
    `${measured}\n\n${table}\n\n\`${document.line}\``,
  );
}

/** The slow-Checkout and duplicate-callback runs, one line per implementation each. */
export function scenarioTable({ latency, duplicates }) {
  const lines = [
    '| scenario | implementation | concurrency | rate | p50 ms | p99 ms | own p50 / p99 ms | check |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const run of latency) {
    lines.push(
      `| Checkout +${run.checkout_latency_ms} ms | ${run.implementation} | ${run.concurrency} | ` +
        `${show(run.flows_per_s, 0)} flows/s | ${show(run.latency_ms.p50)} | ${show(run.latency_ms.p99)} | ` +
        `${show(run.own_latency_ms.p50)} / ${show(run.own_latency_ms.p99)} | ${run.errors} errors |`,
    );
  }
  for (const run of duplicates) {
    const cpu = run.cpu_ms_per_callback;
    lines.push(
      `| duplicate callbacks | ${run.implementation} | ${run.concurrency} | ` +
        `${show(run.callbacks_per_s, 0)} /s | | | | ${run.callback_rows} callback row, ` +
        `${run.moved ? 'moved' : 'no move'}; CPU ms per callback app ${cpu.app}, ` +
        `PostgreSQL ${cpu.postgres}, load ${cpu.load} |`,
    );
  }
  return lines.join('\n');
}
