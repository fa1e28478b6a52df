import type { ScriptExit } from '../support/app-process.js';
import { runBench } from '../support/bench-runs.js';

interface OpenRun {
  implementation: 'orchestrator' | 'minimal';
  sent: number;
  failed: number;
  own_latency_ms: { p50: number; p99: number } | null;
  exit_code: number;
}

/**
 * `npm run bench -- --open` keeps running: a fixed low rate for a second, both implementations
 * answering every create, our own latency computed from the simulator's log. Never judges speed.
 */
describe('npm run bench -- --open (e2e)', () => {
  let result: ScriptExit;
  let runs: OpenRun[];

  beforeAll(async () => {
    ({ exit: result, runs } = await runBench<OpenRun>(
      ['--open'],
      { BENCH_OPEN_RATE: '20', BENCH_SECONDS: '1' },
      'open.json',
    ));
  }, 240_000);

  it('exits 0 and ends with the open-loop line', () => {
    expect(result).toMatchObject({ code: 0 });
    expect(result.output.trim().split('\n').at(-1)).toMatch(
      /^open_rate=20 own_p50_ms=[\d.]+ own_p99_ms=[\d.]+ p99_ms=[\d.]+ minimal_p99_ms=[\d.]+$/,
    );
  });

  it('sent the same creates to both, none failed, and timed our own share', () => {
    expect(runs.map((run) => [run.implementation, run.failed, run.exit_code])).toEqual([
      ['orchestrator', 0, 0],
      ['minimal', 0, 0],
    ]);
    // 20 creates a second for a second, to each.
    expect(runs.map((run) => run.sent)).toEqual([20, 20]);
    expect(runs[0].own_latency_ms).toEqual({ p50: expect.any(Number), p99: expect.any(Number) });
  });
});
