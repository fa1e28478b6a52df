// npm run measure:loops: how long a developer waits. (1) `npm run start:dev`'s reload: an edit
// to the orchestrator's source, then the time until the rebuilt app answers again, split into
// rspack's rebuild and the app's restart; (2) `npm run bench -- --smoke` (after a build). Prints
// the numbers for the README; nothing is asserted (they depend on the machine).
// Usage: npm run measure:loops [-- --reloads 3] [-- --skip-bench]
// start:dev uses ports 3000 and 3001 (config/development.env): they must be free.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { cpuMs, freePort } from './bench/processes.mjs';

const EDITED = 'apps/orchestrator/src/main.ts';
const READY_URL = 'http://127.0.0.1:3000/health/live';
const REBUILT = /\[build:orchestrator\] .*compiled (?:successfully|with \d+ warnings?)/;
const LISTENING = /\[orchestrator\] .*Orchestrator listening on/;
const DEADLINE_MS = 180_000;

const { values } = parseArgs({
  options: { reloads: { type: 'string', default: '3' }, 'skip-bench': { type: 'boolean' } },
});

/** Output lines of a process, and a way to wait for the next one matching a pattern. */
function watchLines(child) {
  const lines = [];
  const waiters = new Set();
  let pending = '';
  const onData = (chunk) => {
    const parts = (pending + chunk.toString('utf8')).split('\n');
    pending = parts.pop();
    for (const raw of parts) {
      const line = raw.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
      lines.push(line);
      for (const waiter of waiters) waiter(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const next = (pattern) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} in time`)), DEADLINE_MS);
      const waiter = (line) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(performance.now());
      };
      waiters.add(waiter);
    });
  return { lines, next };
}

async function answers(url) {
  for (const started = Date.now(); Date.now() - started < DEADLINE_MS; await sleep(20)) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return performance.now();
  }
  throw new Error(`${url} never answered`);
}

/** The orchestrator `node --watch` runs now, in start:dev's process group (Linux's /proc). */
function appPid(group) {
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const processGroup = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const isApp =
        command.includes('dist/apps/orchestrator/main.js') && !command.includes('--watch');
      if (processGroup === group && isApp) return Number(pid);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

async function measureReloads(count) {
  const dataDir = mkdtempSync(join(tmpdir(), 'measure-loops-'));
  const original = readFileSync(EDITED, 'utf8');
  const child = spawn(process.execPath, ['scripts/start-dev.mjs'], {
    env: {
      ...process.env,
      EMBEDDED_POSTGRES_DIR: join(dataDir, 'pg'),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = watchLines(child);
  const reloads = [];
  try {
    await output.next(LISTENING);
    // The first type-check competes for the CPU with everything else: let it finish.
    await output.next(/\[types\] .*Found \d+ errors?/);
    for (let reload = 1; reload <= count; reload++) {
      const rebuilt = output.next(REBUILT);
      const listening = output.next(LISTENING);
      listening.catch(() => undefined); // awaited below; a deadline missed first is reported once
      const edited = performance.now();
      // A change rspack must emit (a new string in the bundle), so node --watch restarts.
      writeFileSync(EDITED, `${original}\nexport const measuredReload = ${Date.now()};\n`);
      const builtAt = await rebuilt;
      await listening;
      const answeredAt = await answers(READY_URL);
      const pid = appPid(child.pid);
      reloads.push({
        rebuildMs: builtAt - edited,
        restartMs: answeredAt - builtAt,
        // What the restart costs whatever else the machine runs: the new process's CPU time.
        cpuMs: pid ? cpuMs(pid) : NaN,
      });
    }
  } catch (error) {
    console.error(output.lines.slice(-40).join('\n'));
    throw error;
  } finally {
    writeFileSync(EDITED, original);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGINT'); // as Ctrl-C: the whole group
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  return reloads;
}

async function timeCommand(command, args) {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}`);
  return performance.now() - started;
}

const seconds = (ms) => (ms / 1000).toFixed(1);
const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

const reloads = await measureReloads(Number(values.reloads));
for (const [index, { rebuildMs, restartMs, cpuMs: cpu }] of reloads.entries()) {
  console.log(
    `reload ${index + 1}: rebuild ${seconds(rebuildMs)} s + restart ${seconds(restartMs)} s ` +
      `(the new app's CPU ${seconds(cpu)} s)`,
  );
}
const restart = median(reloads.map((reload) => reload.restartMs));
const total = median(reloads.map((reload) => reload.rebuildMs + reload.restartMs));
const cpu = median(reloads.map((reload) => reload.cpuMs));
console.log(
  `start:dev reload (median): ${seconds(total)} s, ${seconds(restart)} s after rspack, ` +
    `${seconds(cpu)} s of CPU; load average ${loadavg()[0].toFixed(1)} on this machine`,
);
if (!values['skip-bench']) {
  await timeCommand('npm', ['run', 'build', '--silent']);
  const bench = await timeCommand(process.execPath, ['scripts/bench.mjs', '--smoke']);
  console.log(
    `bench --smoke (after the build): ${seconds(bench)} s; load average ${loadavg()[0].toFixed(1)}`,
  );
}
