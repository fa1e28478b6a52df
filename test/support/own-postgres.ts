import { EmbeddedPostgresServer } from '@app/persistence';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';
import { scanForLeaks } from './leak-scan.js';
import { traversableTempDir } from './temp-dir.js';
import { runMigrations } from './test-database.js';

/**
 * A PostgreSQL server of a spec's own, migrated: it can be stopped and started again (same data,
 * same port) without disturbing the other specs' databases.
 */
export class OwnPostgres {
  private constructor(
    private server: EmbeddedPostgresServer | undefined,
    private readonly dataDir: string,
    private readonly port: number,
    readonly url: string,
  ) {}

  static async start(database: string): Promise<OwnPostgres> {
    const dataDir = join(await traversableTempDir('orchestrator-own-pg-'), 'pg');
    const port = await freePort();
    const server = await OwnPostgres.serve(dataDir, port);
    const url = await server.ensureDatabase(database);
    await runMigrations(url);
    return new OwnPostgres(server, dataDir, port, url);
  }

  /** A fast shutdown: open sessions are ended, new connections refused. */
  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  async restart(): Promise<void> {
    this.server = await OwnPostgres.serve(this.dataDir, this.port);
  }

  async sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Stops the server and removes its data, after a scan for leaked card data and secrets. */
  async close(): Promise<string[]> {
    const findings = this.server ? await scanForLeaks([this.url]) : [];
    await this.stop();
    await rm(dirname(this.dataDir), { recursive: true, force: true });
    return findings;
  }

  private static serve(dataDir: string, port: number): Promise<EmbeddedPostgresServer> {
    return EmbeddedPostgresServer.start({ dataDir, port, unsafeFastWrites: true });
  }
}
