import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ORCHESTRATOR_BUNDLE,
  SIMULATOR_BUNDLE,
  requireBuilt,
  runScript,
  type ScriptExit,
} from './app-process.js';
import { traversableTempDir } from './temp-dir.js';

export interface BenchResult<Run> {
  readonly exit: ScriptExit;
  /** The `runs` of the JSON file the benchmark wrote; none when it wrote none. */
  readonly runs: Run[];
}

/**
 * `npm run bench -- …args` as a developer runs it (its own embedded PostgreSQL, the built apps),
 * its results written to a temporary directory, removed once `resultsFile` is read.
 */
export async function runBench<Run>(
  args: string[],
  env: Record<string, string>,
  resultsFile: string,
): Promise<BenchResult<Run>> {
  requireBuilt(ORCHESTRATOR_BUNDLE);
  requireBuilt(SIMULATOR_BUNDLE);
  const resultsDir = await traversableTempDir('bench-');
  try {
    const exit = await runScript('scripts/bench.mjs', args, {
      ...env,
      BENCH_RESULTS_DIR: resultsDir,
    });
    const path = join(resultsDir, resultsFile);
    const runs = existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as { runs: Run[] }).runs
      : [];
    return { exit, runs };
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
}
