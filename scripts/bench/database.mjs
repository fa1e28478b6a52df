// The benchmark's PostgreSQL server: DATABASE_URL's, or an embedded one of its own. Every run
// gets a fresh database cloned from a migrated template, so both implementations start from the
// same empty tables and each run's commits are counted on its own database.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort, startProcess } from './processes.mjs';

const TSX = 'node_modules/.bin/tsx';

const quoted = (name) => `"${name.replaceAll('"', '""')}"`;

export function urlFor(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The postmaster of a local server: the parent of our own backend, if /proc shows it. */
async function postmasterOf(client) {
  const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
  const stat = `/proc/${rows[0].pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const text = readFileSync(stat, 'utf8');
  return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
}

/**
 * Starts (or connects to) the server. `postmasterPid` is undefined for a server whose processes
 * this machine cannot see (its CPU is then not reported).
 */
export async function startServer() {
  let embedded;
  let serverUrl = process.env.DATABASE_URL;
  let dir;
  if (!serverUrl) {
    dir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
    // As root the server runs as `postgres`, which must reach the data directory inside.
    chmodSync(dir, 0o755);
    const port = await freePort();
    embedded = startProcess(
      'embedded PostgreSQL',
      TSX,
      ['scripts/embedded-postgres.ts', join(dir, 'pg'), String(port), '--ephemeral'],
      {},
      /"postmasterPid"/,
    );
    await embedded.ready;
    serverUrl = JSON.parse(/\{.*"postmasterPid".*\}/.exec(embedded.output())[0]).url;
  }
  const admin = new pg.Client({ connectionString: serverUrl, application_name: 'bench-admin' });
  await admin.connect();
  const postmasterPid = await postmasterOf(admin);
  const created = [];

  /** Until no session is left on `database` (an app's backends exit after it does). */
  async function waitUntilIdle(database) {
    for (let waited = 0; waited < 15_000; waited += 50) {
      const { rows } = await admin.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [database],
      );
      if (rows[0].n === 0) return;
      await sleep(50);
    }
    throw new Error(`sessions still open on ${database}`);
  }

  return {
    postmasterPid,
    embedded: embedded !== undefined,
    urlFor: (database) => urlFor(serverUrl, database),
    async createDatabase(name, template) {
      if (template) await waitUntilIdle(template);
      const from = template ? ` TEMPLATE ${quoted(template)}` : '';
      await admin.query(`CREATE DATABASE ${quoted(name)}${from}`);
      created.push(name);
    },
    async dropDatabase(name) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
      created.splice(created.indexOf(name), 1);
    },
    /**
     * Committed transactions of `database` once every session on it ended: a backend reports its
     * counts at most once a second while busy, and always when it exits.
     */
    async commitsOf(database) {
      return (await this.statsOf(database)).commits;
    },
    /** Commits and rows inserted, updated and deleted in `database`, as commitsOf reads them. */
    async statsOf(database) {
      await waitUntilIdle(database);
      await sleep(200);
      const { rows } = await admin.query(
        `SELECT xact_commit::bigint AS commits, tup_inserted::bigint AS inserted,
                tup_updated::bigint AS updated, tup_deleted::bigint AS deleted
         FROM pg_stat_database WHERE datname = $1`,
        [database],
      );
      return Object.fromEntries(Object.entries(rows[0]).map(([key, n]) => [key, Number(n)]));
    },
    /** The server's WAL position in bytes: its growth is what every write cost the log. */
    async walBytes() {
      const { rows } = await admin.query(
        `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS bytes`,
      );
      return Number(rows[0].bytes);
    },
    /**
     * The next transaction id of the whole server: only transactions that write take one, so
     * its growth counts the commits that must reach the WAL (a read, or the transaction a
     * LISTENing session runs to read each notification, takes none).
     */
    async nextTransactionId() {
      const { rows } = await admin.query(
        'SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xid',
      );
      return Number(rows[0].xid);
    },
    async stop() {
      for (const name of [...created].reverse()) {
        await this.dropDatabase(name).catch(() => undefined);
      }
      await admin.end().catch(() => undefined);
      await embedded?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
