// What the strategy benchmark counts in a run, and the tables it prints and writes.
const SCA_EXEMPTIONS = ['low_value', 'transaction_risk_assessment', 'trusted_listing'];
/** EMV Y and A: the cardholder authenticated, or the issuer's attempt; both shift liability. */
const LIABILITY_SHIFT = ['authenticated', 'attempted'];
/** I: the issuer acknowledged the request (an exemption applied); no liability shift. */
const SUCCESS = [...LIABILITY_SHIFT, 'informational'];
const ERROR_SAMPLES = 5;

const percent = (part, whole) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** The breakdowns a purchase counts in: its amount band (EUR) or currency, set-up, gift card, data. */
function segmentsOf({ body, traits }) {
  const amountBand =
    body.currency !== 'EUR'
      ? 'other currencies'
      : body.amount <= 3_000
        ? 'EUR up to 30'
        : body.amount <= 25_000
          ? 'EUR 30 to 250'
          : 'EUR above 250';
  return [
    amountBand,
    ...(traits.recurringSetup ? ['recurring set-up'] : []),
    ...(traits.giftCard ? ['gift card'] : []),
    `${traits.profile} data`,
  ];
}

export const SEGMENTS = [
  'EUR up to 30',
  'EUR 30 to 250',
  'EUR above 250',
  'other currencies',
  'recurring set-up',
  'gift card',
  'rich data',
  'partial data',
  'poor data',
];

const countBy = (items, keyOf) =>
  items.reduce((counts, item) => {
    const key = keyOf(item);
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

/** A run's counts and rates (percent of every purchase), per exemption and per segment. */
export function tally(purchases, results) {
  const total = results.length;
  const count = (predicate) => results.filter(predicate).length;
  const succeeded = (result) => SUCCESS.includes(result.outcome);
  const requested = (result) => SCA_EXEMPTIONS.includes(result.decision?.challenge_indicator);
  const applied = (result) => result.decision?.requested_exemption_applied === true;
  const failed = (result) => result.path === 'error' || result.outcome === 'error';
  const counts = {
    purchases: total,
    frictionless: count((result) => result.path === 'frictionless'),
    challenged: count((result) => result.path === 'challenged'),
    errors: count(failed),
    outcomes: countBy(results, (result) => result.outcome ?? 'error'),
    success: count(succeeded),
    liability_shift: count((result) => LIABILITY_SHIFT.includes(result.outcome)),
    abandoned: count((result) => result.outcome === 'abandoned'),
    exemptions_requested: count(requested),
    exemptions_applied: count((result) => requested(result) && applied(result)),
  };
  const exemptions = {};
  for (const result of results.filter(requested)) {
    const entry = (exemptions[result.decision.challenge_indicator] ??= {
      requested: 0,
      applied: 0,
    });
    entry.requested++;
    if (applied(result)) entry.applied++;
  }
  const segments = Object.fromEntries(SEGMENTS.map((segment) => [segment, { purchases: 0 }]));
  results.forEach((result, index) => {
    for (const segment of segmentsOf(purchases[index])) {
      const entry = segments[segment];
      entry.purchases++;
      entry.challenged = (entry.challenged ?? 0) + (result.path === 'challenged' ? 1 : 0);
      entry.success = (entry.success ?? 0) + (succeeded(result) ? 1 : 0);
    }
  });
  return {
    counts,
    rates: {
      frictionless: percent(counts.frictionless, total),
      challenge: percent(counts.challenged, total),
      success: percent(counts.success, total),
      liability_shift: percent(counts.liability_shift, total),
      abandonment: percent(counts.abandoned, total),
    },
    exemptions,
    decisions: countBy(results, (result) => result.decision?.rule ?? result.decision?.decided_by),
    segments,
    error_samples: results
      .filter(failed)
      .slice(0, ERROR_SAMPLES)
      .map(({ reference, error }) => ({ reference, error })),
  };
}

const cell = (part, whole) => `${percent(part, whole)?.toFixed(1) ?? 'n/a'} % (${part})`;

/** Side by side: one row per measure, one column per run. */
export function strategyTable(runs) {
  const rows = [
    ['frictionless', (c) => c.frictionless],
    ['challenged', (c) => c.challenged],
    ['success (authenticated + attempted + exemption applied, I)', (c) => c.success],
    ['of which with liability shift (Y, A)', (c) => c.liability_shift],
    ['abandoned challenges', (c) => c.abandoned],
    ['failed (the benchmark or the service)', (c) => c.errors],
  ];
  const header = `| of ${runs[0].counts.purchases} purchases | ${runs.map((run) => `policy: ${run.policy}`).join(' | ')} |`;
  const lines = [header, `|---|${runs.map(() => '---').join('|')}|`];
  for (const [label, pick] of rows) {
    lines.push(
      `| ${label} | ${runs.map((run) => cell(pick(run.counts), run.counts.purchases)).join(' | ')} |`,
    );
  }
  const exemptions = (run) =>
    `${run.counts.exemptions_applied} applied of ${run.counts.exemptions_requested} requested`;
  lines.push(`| exemptions | ${runs.map(exemptions).join(' | ')} |`);
  return lines.join('\n');
}

/** Challenge and success rate per segment, each run side by side. */
export function segmentTable(runs) {
  const policies = runs.map((run) => run.policy);
  const lines = [
    `| segment | purchases | ${policies.map((p) => `challenged: ${p}`).join(' | ')} | ${policies.map((p) => `success: ${p}`).join(' | ')} |`,
    `|---|---|${policies.map(() => '---|---').join('|')}|`,
  ];
  for (const segment of SEGMENTS) {
    const entries = runs.map((run) => run.segments[segment]);
    const { purchases } = entries[0];
    if (purchases === 0) continue;
    const rate = (part) => `${percent(part ?? 0, purchases).toFixed(1)} %`;
    lines.push(
      `| ${segment} | ${purchases} | ${entries.map((entry) => rate(entry.challenged)).join(' | ')} | ` +
        `${entries.map((entry) => rate(entry.success)).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** The last line printed: each run's rates, by policy. */
export const strategyLine = (runs) =>
  runs
    .map(
      ({ policy, rates }) =>
        `frictionless_${policy}=${rates.frictionless} challenge_${policy}=${rates.challenge} ` +
        `success_${policy}=${rates.success} abandonment_${policy}=${rates.abandonment}`,
    )
    .join(' ');
