// npm run start:dev: the three apps (both simulators, the orchestrator) rebuilt on every change (`nest build --watch`, rspack) and
// restarted on every new bundle (`node --watch`), the whole repository type-checked alongside
// (`tsc --watch`: rspack does not type-check). Without DATABASE_URL the embedded PostgreSQL is
// started here, once, and its URL handed to the orchestrator: a reload restarts the app only.
// Ctrl-C stops everything, the database last.
import { spawn } from 'node:child_process';
import { appNodeFlags } from './app-flags.mjs';
import { forgetBuild } from './build-stamp.mjs';

const NEST = 'node_modules/@nestjs/cli/bin/nest.js';
const TSC = 'node_modules/typescript/bin/tsc';
const APP_FLAGS = ['--watch', ...appNodeFlags()];
/** rspack's summary line; "with 2 warnings" still emits a bundle, "with 1 error" does not. */
const BUILT = /compiled (?:successfully|with \d+ warnings?)/;
/** The orchestrator's own defaults (EMBEDDED_POSTGRES_DIR, EMBEDDED_POSTGRES_PORT). */
const EMBEDDED_DATA_DIR = process.env.EMBEDDED_POSTGRES_DIR || '.data/pg';
const EMBEDDED_PORT = process.env.EMBEDDED_POSTGRES_PORT || '54329';

const colour = process.stdout.isTTY;
const paint = (code, text) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

const children = new Set();
let database;
let stopping = false;

/** Runs `node args…` with every output line prefixed by its name; `onLine` sees each line. */
function spawnPrefixed(name, colourCode, args, onLine = () => {}, options = {}) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(colour ? { FORCE_COLOR: '1' } : {}) },
    ...options,
  });
  const prefix = paint(colourCode, `[${name}]`);
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        process.stdout.write(`${prefix} ${line}\n`);
        onLine(stripAnsi(line));
      }
    });
  }
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${prefix} exited (${signal ?? code}); stopping the others`);
      stop('SIGTERM', 1);
    }
  });
  return child;
}

/** A watcher or app: stopped with the others, and the last one out stops the database. */
function run(name, colourCode, args, onLine) {
  const child = spawnPrefixed(name, colourCode, args, onLine);
  children.add(child);
  child.once('exit', () => {
    children.delete(child);
    if (stopping && children.size === 0) stopDatabase();
  });
  return child;
}

/** Resolves with the orchestrator's database URL once the embedded server accepts connections. */
function startDatabase() {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', 'scripts/embedded-postgres.ts', EMBEDDED_DATA_DIR];
    // A process group of its own: Ctrl-C reaches the apps, and the database stops after them.
    database = spawnPrefixed(
      'postgres',
      '90',
      [...args, EMBEDDED_PORT, '--database', 'orchestrator'],
      (line) => {
        if (line.startsWith('{"url"')) resolve(JSON.parse(line).url);
      },
      { detached: true },
    );
    database.once('exit', () => {
      database = undefined;
      if (stopping && children.size === 0) process.exit(process.exitCode ?? 0);
    });
  });
}

function stopDatabase() {
  if (database) database.kill('SIGTERM');
  else process.exit(process.exitCode ?? 0);
}

/** Watch-builds one app; its process starts after the first bundle, never on a missing file. */
function app(project, name, colourCode) {
  let started = false;
  run(`build:${name}`, '90', [NEST, 'build', project, '--watch', '--watchAssets'], (line) => {
    if (started || !BUILT.test(line)) return;
    started = true;
    run(name, colourCode, [...APP_FLAGS, `dist/apps/${project}/main.js`]);
  });
}

function stop(signal, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  for (const child of children) child.kill(signal);
  if (children.size === 0) stopDatabase();
}

// The watch builds are neither type-checked nor stamped: the next `npm start` builds again.
forgetBuild(process.cwd());
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
if (!process.env.DATABASE_URL) process.env.DATABASE_URL = await startDatabase();
if (!stopping) {
  app('checkout-simulator', 'simulator', '35');
  app('adyen-simulator', 'adyen', '33');
  app('orchestrator', 'orchestrator', '36');
  run('types', '90', [TSC, '--noEmit', '--watch', '--preserveWatchOutput']);
}
