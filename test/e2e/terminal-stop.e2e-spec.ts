import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ORCHESTRATOR_BUNDLE } from '../support/app-process.js';
import { freePort } from '../support/free-port.js';
import { traversableTempDir } from '../support/temp-dir.js';

/**
 * Ctrl-C in the terminal of `npm start` / `npm run start:dev` sends SIGINT to the whole
 * foreground process group. The orchestrator must still stop in order: its connections first,
 * then the embedded PostgreSQL it started (which therefore must not get the signal itself).
 */
describe('Ctrl-C in a terminal (e2e)', () => {
  it('stops the orchestrator and its embedded PostgreSQL in order, exit code 0', async () => {
    const dataDir = join(await traversableTempDir('terminal-stop-'), 'pg');
    const child = spawn(process.execPath, [ORCHESTRATOR_BUNDLE], {
      // A process group of its own, as a shell gives a foreground job.
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
    try {
      await listening;
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(true);

      process.kill(-child.pid!, 'SIGINT');

      await expect(exited).resolves.toBe(0);
      expect(output).toContain('SIGINT received, shutting down');
      expect(output).not.toMatch(/Unhandled|terminating connection/);
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
