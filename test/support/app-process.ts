import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { LOG_DIR_KEY, workerLogFile } from './file-logger.js';

export const ORCHESTRATOR_BUNDLE = 'dist/apps/orchestrator/main.js';
export const SIMULATOR_BUNDLE = 'dist/apps/checkout-simulator/main.js';

/**
 * How long a wait on a process's output may last: a start takes about a second on an idle
 * machine and many on a busy one (several processes at once, both cores taken). It only bounds a
 * hang, inside Jest's 60 s deadline.
 */
export const OUTPUT_TIMEOUT_MS = 45_000;

export interface AppProcess {
  readonly child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the first match of `pattern` in the output, or rejects on exit / timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited(): Promise<number | null>;
}

/**
 * Runs a built app (`npm run build` output) as its own process, with exactly `env` plus PATH
 * (and Node's `nodeArgs`): start-up, configuration and shutdown are tested the way an operator
 * runs them.
 */
export function runBuiltApp(
  bundle: string,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): AppProcess {
  requireBuilt(bundle);
  return runProcess(process.execPath, [...nodeArgs, bundle], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

export function requireBuilt(bundle: string): void {
  if (!existsSync(bundle)) {
    throw new Error(`${bundle} is missing: run \`npm run build\` first (npm test does)`);
  }
}

export interface ScriptExit {
  readonly code: number | null;
  readonly output: string;
}

/**
 * A repository script (`node scripts/…`) run to its end as a developer runs it, with exactly
 * `env` plus PATH: no setting or credential leaks in from the shell.
 */
export async function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<ScriptExit> {
  const run = runProcess(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const code = await run.exited();
  return { code, output: run.output() };
}

/**
 * `command args` as its own process, with exactly `options.env`. `detached`: in a process group
 * of its own, so that `process.kill(-child.pid, signal)` reaches everything it started.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd?: string; detached?: boolean },
): AppProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      // What the process printed joins the worker's log for the leak scan.
      const dir = process.env[LOG_DIR_KEY];
      if (dir) appendFileSync(workerLogFile(dir), output);
      resolve(code);
    }),
  );
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  return {
    child,
    output: () => output,
    exited: () => exit,
    waitFor: (pattern, timeoutMs = OUTPUT_TIMEOUT_MS) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = output.match(pattern);
          if (match) {
            done();
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exit.then(() => {
          check();
          if (listeners.has(check)) {
            done();
            reject(new Error(`exited before ${pattern}; output:\n${output}`));
          }
        });
        check();
      }),
  };
}
