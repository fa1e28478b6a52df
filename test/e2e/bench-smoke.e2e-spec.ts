import type { ScriptExit } from '../support/app-process.js';
import { runBench } from '../support/bench-runs.js';

interface BenchRun {
  implementation: 'orchestrator' | 'minimal';
  errors: number;
  incomplete: number;
  exit_code: number;
  checkout: { tokens_issued: number; sessions: number };
  rows: {
    authentications: number;
    completed: number;
    per_flow: Record<string, unknown> & { timeline: Record<string, number> };
  };
}

/**
 * The side-by-side benchmark keeps running (docs/develop.md#benchmark): one short pair,
 * orchestrator and the minimal implementation, both completing every flow with the same rows.
 * Speed is never asserted here; `npm run bench -- --compare` measures it.
 */
describe('npm run bench -- --smoke (e2e)', () => {
  let result: ScriptExit;
  let runs: BenchRun[];

  beforeAll(async () => {
    ({ exit: result, runs } = await runBench<BenchRun>(['--smoke'], {}, 'results.json'));
  }, 240_000);

  it('exits 0 and ends with the ratio line', () => {
    expect(result).toMatchObject({ code: 0 });
    const lastLine = result.output.trim().split('\n').at(-1);
    expect(lastLine).toMatch(
      /^ratio_c2=[\d.]+ commits_per_flow=[\d.]+ write_commits_per_flow=[\d.]+ cpu_ms_per_flow=[\d.]+ own_p99_ms_c4=[\d.]+ duplicate_callbacks_ratio=[\d.]+$/,
    );
  });

  it('reports the CPU each duplicate callback costs the app, PostgreSQL and the load generator', () => {
    for (const implementation of ['orchestrator', 'minimal']) {
      expect(result.output).toMatch(
        new RegExp(
          `\\| duplicate callbacks *\\| ${implementation} *\\|.*CPU ms per callback app \\d[\\d.]*, PostgreSQL \\d[\\d.]*, load \\d[\\d.]* \\|`,
        ),
      );
    }
  });

  it('ran both implementations, every flow completed without an error', () => {
    expect(runs.map((run) => run.implementation)).toEqual(['orchestrator', 'minimal']);
    for (const run of runs) {
      expect({ implementation: run.implementation, errors: run.errors }).toEqual({
        implementation: run.implementation,
        errors: 0,
      });
      expect(run.rows.authentications).toBeGreaterThan(0);
      expect(run.rows.completed).toBe(run.rows.authentications);
      expect(run.incomplete).toBe(0);
      expect(run.exit_code).toBe(0);
      // One OAuth token for the whole run: cached for its lifetime by both.
      expect(run.checkout.tokens_issued).toBe(1);
      expect(run.checkout.sessions).toBe(run.rows.authentications);
    }
  });

  it('the minimal implementation writes the same rows per flow as the orchestrator', () => {
    const [orchestrator, minimal] = runs;
    expect(orchestrator.rows.per_flow.timeline).toEqual({
      created: 1,
      result_received: 1,
      callback_received: 1,
      completion_confirmed: 1,
    });
    expect(minimal.rows.per_flow).toEqual(orchestrator.rows.per_flow);
  });
});
