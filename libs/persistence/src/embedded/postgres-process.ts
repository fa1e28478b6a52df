import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PostgresBinaries, RunAs } from './postgres-binaries.js';

const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;
/** English messages, whatever the machine's locale: they are shown to the user as they are. */
const ENV = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };

/**
 * What PostgreSQL said last, for an error message: its own words (FATAL, could not …), not a
 * stack trace of ours.
 */
function lastWords(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const telling = lines.filter((line) => /FATAL|ERROR|PANIC|could not|cannot|denied/i.test(line));
  const words = (telling.length > 0 ? telling : lines).slice(-3).join(' | ');
  return words.replace(/\.+$/, '') || '(no output)';
}

const asAccount = (runAs: RunAs | undefined) => (runAs ? { uid: runAs.uid, gid: runAs.gid } : {});

/** initdb: a new cluster in `dataDir`, the superuser's password given through a file. */
export async function initialiseCluster(
  binaries: PostgresBinaries,
  dataDir: string,
  superuser: { name: string; password: string },
  runAs: RunAs | undefined,
  onLog: (line: string) => void,
): Promise<void> {
  const passwordFile = join(tmpdir(), `pg-password-${randomBytes(8).toString('hex')}`);
  await writeFile(passwordFile, `${superuser.password}\n`, { mode: 0o600 });
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
  try {
    const output = await runToEnd(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${superuser.name}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      runAs,
      onLog,
    );
    if (output.code !== 0) {
      throw new Error(
        `Embedded PostgreSQL could not create its data directory ${dataDir}: ` +
          `${lastWords(output.text)}. Fix the cause above, or set DATABASE_URL to use a server.`,
      );
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** A running postmaster we started; stop() ends it (fast shutdown). */
export class PostgresProcess {
  private constructor(private readonly child: ChildProcess) {}

  /** Starts the server and resolves once it accepts connections, or fails with its words. */
  static start(
    binaries: PostgresBinaries,
    dataDir: string,
    port: number,
    flags: readonly string[],
    runAs: RunAs | undefined,
    onLog: (line: string) => void,
    ownProcessGroup = false,
  ): Promise<PostgresProcess> {
    const child = spawn(binaries.postgres, ['-D', dataDir, '-p', String(port), ...flags], {
      ...asAccount(runAs),
      detached: ownProcessGroup,
      env: ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let [output, ready] = ['', false];
    return new Promise((resolve, reject) => {
      const fail = (reason: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(
          new Error(
            `Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}): ${reason}`,
          ),
        );
      };
      const timer = setTimeout(
        () => fail(`no answer in ${START_TIMEOUT_MS / 1000} s: ${lastWords(output)}`),
        START_TIMEOUT_MS,
      );
      // Read for as long as it runs (a full pipe would block its logging), kept only until ready.
      const listen = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        text
          .split('\n')
          .filter(Boolean)
          .forEach((line) => onLog(line));
        if (ready) return;
        output += text;
        if (output.includes(READY)) {
          [ready, output] = [true, ''];
          clearTimeout(timer);
          resolve(new PostgresProcess(child));
        }
      };
      child.stderr?.on('data', listen);
      child.stdout?.on('data', listen);
      child.once('error', (error) => {
        if (!ready) fail(error.message);
      });
      child.once('exit', (code) => {
        if (!ready)
          fail(`it exited (code ${code}): ${lastWords(output)}. ${nextStep(output, port)}`);
      });
    });
  }

  /** SIGINT: PostgreSQL's fast shutdown (sessions ended, then a clean stop). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGINT');
    const forced = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(forced);
  }
}

/** The one thing to change, for the failures a user can fix. */
function nextStep(output: string, port: number): string {
  if (
    /Address already in use|could not (bind|create) .*socket|lock file .* already exists/i.test(
      output,
    )
  ) {
    return `Another server holds port ${port} or its socket: set EMBEDDED_POSTGRES_PORT, or stop that server.`;
  }
  if (/could not remove old lock file/i.test(output)) {
    return 'Remove that lock file by hand, or set EMBEDDED_POSTGRES_PORT to another port.';
  }
  if (/Permission denied/i.test(output)) {
    return 'PostgreSQL cannot reach its files: check the permissions of the data directory.';
  }
  return 'Set DATABASE_URL to use another PostgreSQL server.';
}

async function runToEnd(
  command: string,
  args: readonly string[],
  runAs: RunAs | undefined,
  onLog: (line: string) => void,
): Promise<{ code: number | null; text: string }> {
  const child = spawn(command, args, {
    ...asAccount(runAs),
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const collect = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    chunk
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .forEach((line) => onLog(line));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: -1, text: `${text}\n${error.message}` }));
    child.once('close', (code) => resolve({ code, text }));
  });
}
