// npm start, start:orchestrator:built, start:simulator:built: runs one built app with
// appNodeFlags (no development defaults when NODE_ENV=production) and ends as it ends.
// Usage: node scripts/run-app.mjs dist/apps/<app>/main.js
import { spawn } from 'node:child_process';
import { appNodeFlags } from './app-flags.mjs';

const [bundle, ...rest] = process.argv.slice(2);
if (!bundle || rest.length > 0) {
  console.error('usage: node scripts/run-app.mjs dist/apps/<app>/main.js');
  process.exit(2);
}

const child = spawn(process.execPath, [...appNodeFlags(), bundle], { stdio: 'inherit' });
// concurrently and process managers signal this process; the app does the orderly shutdown.
const forward = (signal) => child.kill(signal);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
child.once('exit', (code, signal) => {
  for (const one of ['SIGINT', 'SIGTERM']) process.off(one, forward);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
