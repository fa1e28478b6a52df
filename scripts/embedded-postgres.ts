// The benchmark's own PostgreSQL when DATABASE_URL is unset: the same embedded server the apps
// start, but owned by the benchmark so that it outlives each app run. Run with tsx; prints one
// JSON line ({ url, postmasterPid }) once the server accepts connections, stops on SIGTERM/SIGINT.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EmbeddedPostgresServer } from '../../libs/persistence/src/embedded/embedded-postgres.server.js';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) {
  console.error('usage: tsx scripts/bench/postgres-server.ts <data dir> <port>');
  process.exit(2);
}

const server = await EmbeddedPostgresServer.start({ dataDir, port: Number(port), ephemeral: true });
const postmasterPid = Number(
  (await readFile(join(server.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
);
console.log(JSON.stringify({ url: server.urlFor('postgres'), postmasterPid }));

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
