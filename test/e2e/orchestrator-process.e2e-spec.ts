import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '../support/free-port.js';
import { ORCHESTRATOR_BUNDLE, runBuiltApp } from '../support/app-process.js';
import { traversableTempDir } from '../support/temp-dir.js';
import { testDatabaseUrl } from '../support/test-config.js';

const SECRET = 'do-not-print-this-secret';
const checkoutEnv = {
  CHECKOUT_API_URL: 'http://127.0.0.1:9',
  CHECKOUT_TOKEN_URL: 'http://127.0.0.1:9/connect/token',
  CHECKOUT_CLIENT_ID: 'ack_processtest',
  CHECKOUT_CLIENT_SECRET: SECRET,
  API_KEYS: 'process:process-test-api-key-000001',
  CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  CARD_FINGERPRINT_KEY: 'process-test-card-fingerprint-key-0000000',
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('orchestrator process (e2e)', () => {
  it('starts an embedded PostgreSQL without DATABASE_URL, is ready, and stops it on SIGTERM', async () => {
    const dataDir = join(await traversableTempDir('orchestrator-process-'), 'pg');
    const app = runBuiltApp(ORCHESTRATOR_BUNDLE, {
      ...checkoutEnv,
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
    });
    try {
      const [, url] = await app.waitFor(/Orchestrator listening on (http:\/\/\S+)/);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      await expect(ready.json()).resolves.toMatchObject({ info: { database: { status: 'up' } } });
      const postmasterPid = Number(
        (await readFile(`${dataDir}/postmaster.pid`, 'utf8')).split('\n')[0],
      );
      expect(isAlive(postmasterPid)).toBe(true);

      app.child.kill('SIGTERM');
      await expect(app.exited()).resolves.toBe(0);
      expect(isAlive(postmasterPid)).toBe(false);
      expect(existsSync(`${dataDir}/postmaster.pid`)).toBe(false);
      expect(app.output()).not.toContain(SECRET);
    } finally {
      app.child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('uses DATABASE_URL when it is set', async () => {
    const app = runBuiltApp(ORCHESTRATOR_BUNDLE, {
      ...checkoutEnv,
      PORT: String(await freePort()),
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_RUN_MIGRATIONS: 'false',
    });
    try {
      const [, url] = await app.waitFor(/Orchestrator listening on (http:\/\/\S+)/);
      expect(app.output()).toContain('(database: DATABASE_URL)');
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      app.child.kill('SIGINT');
      await expect(app.exited()).resolves.toBe(0);
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  it.each([
    ['PORT', { PORT: 'not-a-port' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://nope' }],
    ['DATABASE_RUN_MIGRATIONS', { DATABASE_RUN_MIGRATIONS: 'yes' }],
    ['CHECKOUT_API_URL', { CHECKOUT_API_URL: 'not a url' }],
    ['CHECKOUT_CLIENT_SECRET', { CHECKOUT_CLIENT_SECRET: '' }],
    ['API_KEYS', { API_KEYS: 'team-without-key' }],
    ['CRYPTOGRAM_ENCRYPTION_KEY', { CRYPTOGRAM_ENCRYPTION_KEY: 'too-short' }],
  ])('refuses to start with a bad %s, naming the key and no secret', async (key, override) => {
    const app = runBuiltApp(ORCHESTRATOR_BUNDLE, { ...checkoutEnv, ...override });
    await expect(app.exited()).resolves.toBe(1);
    expect(app.output()).toContain('orchestrator: invalid environment');
    expect(app.output()).toContain(`${key}:`);
    expect(app.output()).not.toContain(SECRET);
  });
});
