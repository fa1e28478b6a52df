// Processes of a benchmark run: started on free ports, waited for, stopped, and measured from
// /proc (CPU time and resident memory), so that every number is the kernel's, not the app's.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Kept of a process's output, for the error message if it fails (its logs can be large). */
const OUTPUT_TAIL_CHARS = 20_000;
/** USER_HZ: /proc reports CPU time in clock ticks of 10 ms on Linux. */
const MS_PER_TICK = 10;

/** Whatever is still running when the benchmark exits (a crash included) is asked to stop. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * Starts `command args` with only `env` (and PATH); `ready` resolves once its output matches
 * `readyPattern`, and rejects if it exits first. Output keeps being read (and only its tail kept)
 * so that a chatty process never blocks on a full pipe.
 */
export function startProcess(name, command, args, env, readyPattern = /listening on/) {
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  let isReady = false;
  const exited = new Promise((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output = (output + chunk).slice(-OUTPUT_TAIL_CHARS);
      if (!isReady && readyPattern.test(output)) {
        isReady = true;
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`${name} exited (${code}):\n${output}`)));
  });
  ready.catch(() => undefined);
  return {
    name,
    child,
    ready,
    output: () => output,
    /** SIGTERM, then the exit code (SIGKILL after `graceMs`). */
    async stop(graceMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** A built app (dist/apps/…/main.js or an .mjs file) run by this Node. */
export const startNodeApp = (name, file, env, nodeArgs = []) =>
  startProcess(name, process.execPath, [...nodeArgs, file], env);

const statFields = (pid) => {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: split after its closing parenthesis.
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
};

/** utime + stime of one process, in ms (fields 14 and 15; index 11 and 12 after the name). */
export function cpuMs(pid) {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** CPU ms so far of a started app and of PostgreSQL's processes (NaN if they are not visible). */
export function appAndPostgresCpuMs(app, postmasterPid) {
  return { app: cpuMs(app.child.pid), postgres: postmasterPid ? treeCpuMs(postmasterPid) : NaN };
}

/**
 * CPU of a process tree, in ms: the root's own and its reaped children's (cutime + cstime, so a
 * PostgreSQL backend that exited still counts), plus every live descendant's own.
 */
export function treeCpuMs(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(statFields(entry)[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const root = statFields(rootPid);
  let total = (Number(root[13]) + Number(root[14])) * MS_PER_TICK + cpuMs(rootPid);
  const pending = [...(children.get(rootPid) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop();
    try {
      total += cpuMs(pid);
    } catch {
      continue;
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

export const rssMb = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
