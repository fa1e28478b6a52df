import type { ScriptExit } from '../support/app-process.js';
import { runBench } from '../support/bench-runs.js';

const PURCHASES = 40;

interface StrategyRun {
  policy: string;
  purchases_digest: string;
  exit_code: number;
  counts: {
    purchases: number;
    frictionless: number;
    challenged: number;
    errors: number;
    outcomes: Record<string, number>;
    success: number;
    abandoned: number;
    exemptions_requested: number;
    exemptions_applied: number;
  };
  rates: Record<
    'frictionless' | 'challenge' | 'success' | 'liability_shift' | 'abandonment',
    number
  >;
  decisions: Record<string, number>;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The strategy benchmark keeps running (bench/README.md#exemption-strategy): a few seeded
 * purchases without and with the default exemption policy. Only its bookkeeping is asserted
 * here, never a rate: the full run measures those.
 */
describe('npm run bench -- --strategy, a few purchases (e2e)', () => {
  let result: ScriptExit;
  let runs: StrategyRun[];

  beforeAll(async () => {
    ({ exit: result, runs } = await runBench<StrategyRun>(
      ['--strategy'],
      { BENCH_STRATEGY_PURCHASES: String(PURCHASES) },
      'strategy.json',
    ));
  }, 240_000);

  it('exits 0 and ends with both runs’ rates', () => {
    expect(result).toMatchObject({ code: 0 });
    const lastLine = result.output.trim().split('\n').at(-1);
    expect(lastLine).toMatch(
      /^frictionless_none=[\d.]+ challenge_none=[\d.]+ success_none=[\d.]+ abandonment_none=[\d.]+ frictionless_default=[\d.]+ challenge_default=[\d.]+ success_default=[\d.]+ abandonment_default=[\d.]+$/,
    );
  });

  it('ran the same purchases without and with the default policy', () => {
    expect(runs.map((run) => run.policy)).toEqual(['none', 'default']);
    expect(runs[0].purchases_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(runs[1].purchases_digest).toBe(runs[0].purchases_digest);
    for (const run of runs) {
      expect({ policy: run.policy, exit_code: run.exit_code, errors: run.counts.errors }).toEqual({
        policy: run.policy,
        exit_code: 0,
        errors: 0,
      });
      expect(run.counts.purchases).toBe(PURCHASES);
    }
  });

  it('counts add up: every purchase is frictionless or challenged, and has one outcome', () => {
    for (const { counts, rates } of runs) {
      expect(counts.frictionless + counts.challenged).toBe(PURCHASES);
      expect(sum(Object.values(counts.outcomes))).toBe(PURCHASES);
      expect(counts.success + counts.abandoned).toBeLessThanOrEqual(PURCHASES);
      expect(counts.abandoned).toBeLessThanOrEqual(counts.challenged);
      expect(counts.exemptions_applied).toBeLessThanOrEqual(counts.exemptions_requested);
      expect(rates.frictionless + rates.challenge).toBeCloseTo(100, 0);
    }
  });

  it('the policy decided only in the run that has one', () => {
    const [withoutPolicy, withPolicy] = runs;
    expect(withoutPolicy.decisions).toEqual({ none: PURCHASES });
    expect(withoutPolicy.counts.exemptions_requested).toBe(0);
    expect(sum(Object.values(withPolicy.decisions))).toBe(PURCHASES);
    expect(withPolicy.decisions).not.toHaveProperty('none');
  });
});
