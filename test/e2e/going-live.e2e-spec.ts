import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import {
  ORCHESTRATOR_BUNDLE,
  runBuiltApp,
  runProcess,
  type AppProcess,
} from '../support/app-process.js';
import { freePort } from '../support/free-port.js';
import { traversableTempDir } from '../support/temp-dir.js';
import { testDatabaseUrl } from '../support/test-config.js';

/** What the repository ships for development: each value is tried in production below. */
const SHIPPED = parseEnv(readFileSync('config/development.env', 'utf8')) as Record<string, string>;
const OWN_CHANNEL = `pc_${'golive'.padEnd(26, 'x')}`;
const ownSecret = (): string => randomBytes(24).toString('base64url');

/**
 * A production configuration that passes every rule: https public base URLs, a processing
 * channel, secrets of our own, and the upstream named as not Checkout's (nothing listens there:
 * the orchestrator only has to start). Each unsafe case below changes one thing.
 */
async function safeProduction(): Promise<Record<string, string>> {
  const upstream = `127.0.0.1:${await freePort()}`;
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    LOG_FORMAT: 'json',
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_RUN_MIGRATIONS: 'false',
    CHECKOUT_API_URL: `http://${upstream}`,
    CHECKOUT_TOKEN_URL: `http://${upstream}/connect/token`,
    NON_CHECKOUT_UPSTREAM_HOSTS: upstream,
    CHECKOUT_CLIENT_ID: 'ack_goinglivetest',
    CHECKOUT_CLIENT_SECRET: ownSecret(),
    CHECKOUT_PROCESSING_CHANNEL_ID: OWN_CHANNEL,
    CALLBACK_BASE_URL: 'https://callbacks.pay.example',
    BROWSER_BASE_URL: 'https://pay.example',
    CRYPTOGRAM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CARD_FINGERPRINT_KEY: ownSecret(),
  };
}

/**
 * One thing made unsafe, and the settings the refusal must name, nothing else (by default the
 * first one changed).
 */
const UNSAFE: Array<[string, Record<string, string>, string[]?]> = [
  ['no CALLBACK_BASE_URL', { CALLBACK_BASE_URL: '' }],
  ['no BROWSER_BASE_URL', { BROWSER_BASE_URL: '' }],
  [
    "PUBLIC_URL's local default",
    { CALLBACK_BASE_URL: '', BROWSER_BASE_URL: '', PUBLIC_URL: '' },
    ['CALLBACK_BASE_URL', 'BROWSER_BASE_URL'],
  ],
  [
    'a plain-http PUBLIC_URL for both',
    { CALLBACK_BASE_URL: '', BROWSER_BASE_URL: '', PUBLIC_URL: 'http://pay.example' },
    ['PUBLIC_URL'],
  ],
  ['a plain-http callback URL', { CALLBACK_BASE_URL: 'http://callbacks.pay.example' }],
  ['a loopback callback URL', { CALLBACK_BASE_URL: 'https://127.0.0.1:3000' }],
  ['a link-local callback URL', { CALLBACK_BASE_URL: 'https://169.254.169.254' }],
  ['a localhost browser URL', { BROWSER_BASE_URL: 'https://localhost' }],
  ['an IPv4-mapped private browser URL', { BROWSER_BASE_URL: 'https://[::ffff:10.0.0.1]' }],
  ['an IPv4-compatible loopback browser URL', { BROWSER_BASE_URL: 'https://[::127.0.0.1]' }],
  ['no processing channel', { CHECKOUT_PROCESSING_CHANNEL_ID: '' }],
  [
    'a team of API_KEYS without a processing channel',
    {
      CHECKOUT_PROCESSING_CHANNEL_ID: '',
      API_KEYS: `team-a:${ownSecret()},team-b:${ownSecret()}`,
      TEAM_PROCESSING_CHANNELS: `team-a:${OWN_CHANNEL}`,
    },
    ['TEAM_PROCESSING_CHANNELS'],
  ],
  ["the demo team's API key", { API_KEYS: `demo:${SHIPPED.DEMO_API_KEY}` }],
  ['the demo API key', { DEMO_API_KEY: SHIPPED.DEMO_API_KEY }],
  ["the simulator's client secret", { CHECKOUT_CLIENT_SECRET: SHIPPED.SIMULATOR_CLIENT_SECRET }],
  [
    'the development cryptogram key',
    { CRYPTOGRAM_ENCRYPTION_KEY: SHIPPED.CRYPTOGRAM_ENCRYPTION_KEY },
  ],
  ['the development card-fingerprint key', { CARD_FINGERPRINT_KEY: SHIPPED.CARD_FINGERPRINT_KEY }],
  [
    'the development webhook key, as the previous one',
    { CHECKOUT_WEBHOOK_SECRETS: `${ownSecret()},${SHIPPED.CHECKOUT_WEBHOOK_SECRETS}` },
  ],
  ['team endpoints on private addresses', { TEAM_EVENTS_ALLOW_PRIVATE_TARGETS: 'true' }],
  ['the demo page', { DEMO_PAGE: 'true', DEMO_API_KEY: ownSecret() }],
  ['failpoints', { FAILPOINTS: 'after_checkout_create' }],
  [
    'an upstream NON_CHECKOUT_UPSTREAM_HOSTS does not name',
    { NON_CHECKOUT_UPSTREAM_HOSTS: '' },
    ['CHECKOUT_API_URL', 'CHECKOUT_TOKEN_URL'],
  ],
  [
    "a token URL that only looks like Checkout's",
    { CHECKOUT_TOKEN_URL: 'https://access.checkout.com.pay.example/connect/token' },
  ],
];

/** The one line of a refused start, parsed; fails the test unless it is the only output. */
function refusalOf(app: AppProcess): {
  level: string;
  msg: string;
  problems: { setting: string }[];
} {
  const lines = app.output().trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]);
}

/** Runs `jobs` at most `width` at a time (each starts a process). */
async function inBatches<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < jobs.length; start += width) {
    results.push(...(await Promise.all(jobs.slice(start, start + width).map((job) => job()))));
  }
  return results;
}

/**
 * Going live (docs/going-live.md#what-production-refuses): the built orchestrator with
 * NODE_ENV=production refuses every development setting, one JSON line naming it, and starts with
 * safe settings, reading nothing from config/development.env even through the npm scripts.
 */
describe('going live (e2e)', () => {
  describe('refuses to start on an unsafe setting', () => {
    const refused = new Map<string, AppProcess>();

    beforeAll(async () => {
      const started = await inBatches(
        UNSAFE.map(([name, change]) => async () => {
          const app = runBuiltApp(ORCHESTRATOR_BUNDLE, { ...(await safeProduction()), ...change });
          // A start that goes ahead after all is stopped, and its exit code 0 fails the test.
          void app.waitFor(/Orchestrator listening on/, 120_000).then(
            () => app.child.kill('SIGTERM'),
            () => undefined,
          );
          await app.exited();
          return [name, app] as const;
        }),
        4,
      );
      for (const [name, app] of started) refused.set(name, app);
    }, 180_000);

    // Every row with its third element: Jest would pass a `done` callback in its place.
    const cases = UNSAFE.map(
      ([name, change, named]) => [name, change, named ?? [Object.keys(change)[0]]] as const,
    );
    it.each(cases)('%s: exits non-zero, naming it in one JSON line', (name, change, settings) => {
      const app = refused.get(name)!;
      expect(app.child.exitCode).not.toBe(0);
      const refusal = refusalOf(app);
      expect(refusal.level).toBe('fatal');
      expect(refusal.problems.map((problem) => problem.setting).sort()).toEqual(
        [...settings].sort(),
      );
      for (const setting of settings) expect(refusal.msg).toContain(`${setting}: `);
      for (const value of Object.values(change).filter((one) => one.length >= 16)) {
        expect(app.output()).not.toContain(value);
      }
    });

    it('refuses development defaults handed to node as an env file', async () => {
      const dir = await traversableTempDir('going-live-');
      try {
        // An empty file: the flag alone is refused, whatever the file holds.
        await writeFile(join(dir, 'development.env'), '');
        const app = runBuiltApp(ORCHESTRATOR_BUNDLE, await safeProduction(), [
          `--env-file-if-exists=${join(dir, 'development.env')}`,
        ]);
        expect(await app.exited()).not.toBe(0);
        expect(refusalOf(app).problems.map((problem) => problem.setting)).toEqual(['--env-file']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('starts with safe settings', () => {
    const running: AppProcess[] = [];
    let layout: string;

    /**
     * The repository as an operator deploys it (package.json, scripts, the build, node_modules),
     * but with a config/development.env whose values would refuse the start if read.
     */
    beforeAll(async () => {
      layout = await traversableTempDir('going-live-layout-');
      await copyFile('package.json', join(layout, 'package.json'));
      for (const shared of ['scripts', 'dist', 'node_modules']) {
        await symlink(resolve(shared), join(layout, shared));
      }
      await mkdir(join(layout, 'config'));
      await writeFile(
        join(layout, 'config/development.env'),
        [
          'LOG_LEVEL=poisoned_by_development_env',
          'FAILPOINTS=poisoned_by_development_env',
          '',
        ].join('\n'),
      );
    });
    afterAll(async () => {
      for (const app of running) {
        if (app.child.exitCode === null && app.child.signalCode === null) {
          process.kill(-app.child.pid!, 'SIGKILL');
        }
      }
      await rm(layout, { recursive: true, force: true });
    });

    /** `npm run start:orchestrator:built` in the layout, as its own process group. */
    const npmStart = (env: Record<string, string>): AppProcess => {
      const app = runProcess('npm', ['run', 'start:orchestrator:built'], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? layout, ...env },
        cwd: layout,
        detached: true,
      });
      running.push(app);
      return app;
    };

    /** SIGTERM to the whole group (npm, the launcher, the app): the orderly shutdown. */
    const stopGroup = async (app: AppProcess): Promise<void> => {
      process.kill(-app.child.pid!, 'SIGTERM');
      await app.exited();
    };

    it('reads the poisoned file outside production (the layout is sound)', async () => {
      const app = npmStart({ ...(await safeProduction()), NODE_ENV: 'test' });
      expect(await app.exited()).not.toBe(0);
      expect(app.output()).toContain('LOG_LEVEL: ');
    }, 60_000);

    it('starts through npm run start:orchestrator:built, never reading config/development.env', async () => {
      const env = await safeProduction();
      const app = npmStart(env);
      try {
        await app.waitFor(/Orchestrator listening on/, 60_000);
        const base = `http://127.0.0.1:${env.PORT}`;
        expect((await fetch(`${base}/health/live`)).status).toBe(200);
        // Production serves no API documentation unless API_DOCS=true says so.
        expect((await fetch(`${base}/docs-json`)).status).toBe(404);
        expect(app.output()).not.toContain('poisoned_by_development_env');
      } finally {
        await stopGroup(app);
      }
    }, 90_000);

    it('serves /docs in production when API_DOCS=true', async () => {
      const env: Record<string, string> = { ...(await safeProduction()), API_DOCS: 'true' };
      const app = runBuiltApp(ORCHESTRATOR_BUNDLE, env);
      running.push(app);
      try {
        await app.waitFor(/Orchestrator listening on/, 60_000);
        expect((await fetch(`http://127.0.0.1:${env.PORT}/docs-json`)).status).toBe(200);
      } finally {
        app.child.kill('SIGTERM');
        await app.exited();
      }
    }, 90_000);
  });
});
