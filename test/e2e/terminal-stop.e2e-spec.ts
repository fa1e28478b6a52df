import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ORCHESTRATOR_BUNDLE } from '../support/app-process.js';
import { freePort } from '../support/free-port.js';
import { traversableTempDir } from '../support/temp-dir.js';

const run = promisify(execFile);

/**
 * Ctrl-C in the terminal of `npm start` / `npm run start:dev` sends SIGINT to the whole
 * foreground process group. The orchestrator must still stop in order: its connections first,
 * then the embedded PostgreSQL it started (which therefore must not get the signal itself).
 */
/** The built orchestrator in a process group of its own, as a shell gives a foreground job. */
async function startOrchestrator(dataDir: string) {
  const child = spawn(process.execPath, [ORCHESTRATOR_BUNDLE], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      CHECKOUT_API_URL: 'http://127.0.0.1:9',
      CHECKOUT_TOKEN_URL: 'http://127.0.0.1:9/connect/token',
      CHECKOUT_CLIENT_ID: 'ack_terminalstop',
      CHECKOUT_CLIENT_SECRET: 'terminal-stop-secret',
      CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
      CARD_FINGERPRINT_KEY: 'terminal-stop-card-fingerprint-key-0000',
    },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const listening = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Orchestrator listening on')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`exited before listening:\n${output}`)));
  });
  return { child, exited, listening, output: () => output };
}

/** A signal to a process that may have ended meanwhile (a backend that finished its work). */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Every process below `pid` (PostgreSQL's postmaster and its backends included). */
async function descendantsOf(pid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=']);
  const children = new Map<number, number[]>();
  for (const line of stdout.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const below = (parent: number): number[] =>
    (children.get(parent) ?? []).flatMap((child) => [child, ...below(child)]);
  return below(pid);
}

describe('Ctrl-C in a terminal (e2e)', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = join(await traversableTempDir('terminal-stop-'), 'pg');
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('stops the orchestrator and its embedded PostgreSQL in order, exit code 0', async () => {
    const app = await startOrchestrator(dataDir);
    try {
      await app.listening;
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(true);

      process.kill(-app.child.pid!, 'SIGINT');

      await expect(app.exited).resolves.toBe(0);
      expect(app.output()).toContain('SIGINT received, shutting down');
      expect(app.output()).not.toMatch(/Unhandled|terminating connection/);
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    } finally {
      if (app.child.exitCode === null) process.kill(-app.child.pid!, 'SIGKILL');
    }
  }, 60_000);

  it('survives its database connections being ended under it (npm start: concurrently kills the whole process tree)', async () => {
    const app = await startOrchestrator(dataDir);
    try {
      await app.listening;
      // What Ctrl-C on `npm start` does: the orchestrator gets SIGINT and starts its shutdown, the
      // simulator stops first, and concurrently's --kill-others then sends SIGTERM to every
      // process of the orchestrator's tree, PostgreSQL's backends included, ending connections
      // the shutdown is still closing.
      const tree = await descendantsOf(app.child.pid!);
      process.kill(app.child.pid!, 'SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const pid of tree) signal(pid, 'SIGTERM');

      await expect(app.exited).resolves.toBe(0);
      expect(app.output()).toContain('SIGINT received, shutting down');
      expect(app.output()).not.toMatch(/Unhandled|Emitted 'error' event/);
    } finally {
      if (app.child.exitCode === null) process.kill(-app.child.pid!, 'SIGKILL');
    }
  }, 60_000);
});
