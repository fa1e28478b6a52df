import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresServer } from '@app/persistence';
import { runBuiltApp } from '../support/app-process.js';
import { freePort } from '../support/free-port.js';

const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;

/**
 * A checkout inside a directory only its owner can enter (root's home is mode 0700): the
 * embedded PostgreSQL runs as the `postgres` account when we are root, and must still start.
 */
async function orchestratorEnv(): Promise<Record<string, string>> {
  return {
    CHECKOUT_API_URL: 'http://127.0.0.1:9',
    CHECKOUT_TOKEN_URL: 'http://127.0.0.1:9/connect/token',
    CHECKOUT_CLIENT_ID: 'ack_private',
    CHECKOUT_CLIENT_SECRET: 'private-secret',
    CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    CARD_FINGERPRINT_KEY: 'private-test-card-fingerprint-key-000000',
    PORT: String(await freePort()),
  };
}

describe('a checkout in a private directory (e2e)', () => {
  let checkout: string;

  beforeAll(async () => {
    // Under .data (ignored by git): the same file system as node_modules, for hard links.
    await mkdir('.data', { recursive: true });
    checkout = resolve(await mkdtemp(join('.data', 'private-checkout-')));
    expect((await stat(checkout)).mode & 0o777).toBe(0o700);
    // Hard links: a copy of node_modules in no time, reachable only through the private dir.
    await run('cp', ['-al', 'node_modules', join(checkout, 'node_modules')]);
    await cp('dist', join(checkout, 'dist'), { recursive: true });
    await cp('package.json', join(checkout, 'package.json'));
  }, 120_000);
  afterAll(() => rm(checkout, { recursive: true, force: true }));

  it(`starts ready${asRoot ? ' as root' : ''}, with its data where PostgreSQL can reach it`, async () => {
    const app = runBuiltApp(join(checkout, 'dist/apps/orchestrator/main.js'), {
      ...(await orchestratorEnv()),
      EMBEDDED_POSTGRES_DIR: join(checkout, '.data/pg'),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
    });
    let relocated: string | undefined;
    try {
      const [, url] = await app.waitFor(/Orchestrator listening on (http:\/\/\S+)/, 60_000);
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      relocated = /its data lives in ([/\w.-]+)/.exec(app.output())?.[1];
      if (asRoot) expect(relocated).toMatch(/^\/var\/tmp\/threeds-orchestrator-/);
      else expect(relocated).toBeUndefined();
      expect(app.output()).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
      app.child.kill('SIGTERM');
      await expect(app.exited()).resolves.toBe(0);
    } finally {
      app.child.kill('SIGKILL');
      if (relocated && existsSync(relocated))
        await rm(dirname(relocated), { recursive: true, force: true });
    }
  }, 120_000);

  it('says what PostgreSQL said, and what to change, when another server holds its socket', async () => {
    const port = await freePort();
    const other = await EmbeddedPostgresServer.start({
      dataDir: join(checkout, '.data/other'),
      port,
      ephemeral: true,
    });
    const app = runBuiltApp(join(checkout, 'dist/apps/orchestrator/main.js'), {
      ...(await orchestratorEnv()),
      EMBEDDED_POSTGRES_DIR: join(checkout, '.data/locked'),
      EMBEDDED_POSTGRES_PORT: String(port),
    });
    try {
      await expect(app.exited()).resolves.toBe(1);
      // PostgreSQL's own words: the address or the socket's lock file is taken.
      expect(app.output()).toMatch(/Address already in use|lock file ".+" already exists/);
      expect(app.output()).toContain('set EMBEDDED_POSTGRES_PORT, or stop that server');
      expect(app.output()).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    } finally {
      app.child.kill('SIGKILL');
      await other.stop();
      const moved = /data in (\/var\/tmp\/threeds-orchestrator-\w+)/.exec(app.output())?.[1];
      if (moved) await rm(moved, { recursive: true, force: true });
    }
  }, 120_000);
});
