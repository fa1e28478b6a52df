// An embedded PostgreSQL owned by a script rather than an app, so that it outlives each app
// process: the benchmark's (--ephemeral: a throw-away cluster) and `npm run start:dev`'s (the
// app's own .data/pg, kept across reloads). Run with tsx; prints one JSON line
// ({ url, postmasterPid }) once the server accepts connections, stops on SIGTERM/SIGINT.
// Usage: tsx scripts/embedded-postgres.ts <data dir> <port> [--ephemeral] [--database <name>]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedPostgresServer } from '../libs/persistence/src/embedded/embedded-postgres.server.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { ephemeral: { type: 'boolean' }, database: { type: 'string' } },
});
const [dataDir, port] = positionals;
if (!dataDir || !port) {
  console.error(
    'usage: tsx scripts/embedded-postgres.ts <data dir> <port> [--ephemeral] [--database <name>]',
  );
  process.exit(2);
}

const server = await EmbeddedPostgresServer.start({
  dataDir,
  port: Number(port),
  ephemeral: values.ephemeral,
});
const url = values.database
  ? await server.ensureDatabase(values.database)
  : server.urlFor('postgres');
const postmasterPid = Number(
  (await readFile(join(server.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
);
console.log(JSON.stringify({ url, postmasterPid }));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`embedded PostgreSQL did not stop cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  });
}
