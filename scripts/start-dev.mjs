// npm run start:dev: both apps rebuilt on every change (`nest build --watch`, rspack) and
// restarted on every new bundle (`node --watch`), the whole repository type-checked alongside
// (`tsc --watch`: rspack does not type-check). Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { appNodeFlags } from './app-flags.mjs';
import { forgetBuild } from './build-stamp.mjs';

const NEST = 'node_modules/@nestjs/cli/bin/nest.js';
const TSC = 'node_modules/typescript/bin/tsc';
const APP_FLAGS = ['--watch', ...appNodeFlags()];
/** rspack's summary line; "with 2 warnings" still emits a bundle, "with 1 error" does not. */
const BUILT = /compiled (?:successfully|with \d+ warnings?)/;

const colour = process.stdout.isTTY;
const paint = (code, text) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

const children = new Set();
let stopping = false;

/** Runs `node args…` with every output line prefixed by its name; `onLine` sees each line. */
function run(name, colourCode, args, onLine = () => {}) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(colour ? { FORCE_COLOR: '1' } : {}) },
  });
  children.add(child);
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
    children.delete(child);
    if (!stopping) {
      console.error(`${prefix} exited (${signal ?? code}); stopping the others`);
      stop('SIGTERM', 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
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
  if (children.size === 0) process.exit(exitCode);
}

// The watch builds are neither type-checked nor stamped: the next `npm start` builds again.
forgetBuild(process.cwd());
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
app('checkout-simulator', 'simulator', '35');
app('orchestrator', 'orchestrator', '36');
run('types', '90', [TSC, '--noEmit', '--watch', '--preserveWatchOutput']);
