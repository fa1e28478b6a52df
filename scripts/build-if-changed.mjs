// Builds both apps only when a build input changed since the last successful build, so that
// `npm start` after `npm start` starts at once. The hash is taken before the build: an edit
// made while it runs is seen by the next start.
// `npm run build` runs it with --always, so every build, whoever asks for it, leaves a stamp that
// tells the truth about what is in dist/.
// Usage: node scripts/build-if-changed.mjs [--always] [-- <build command …>]
//        (default command: npm run build:bundles --silent)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUNDLES, forgetBuild, inputsHash, readStamp, STAMP_FILE } from './build-stamp.mjs';

const root = process.cwd();
const separator = process.argv.indexOf('--');
const [command, ...args] =
  separator >= 0 ? process.argv.slice(separator + 1) : ['npm', 'run', 'build:bundles', '--silent'];
const always = process.argv.slice(2, separator >= 0 ? separator : undefined).includes('--always');

const hash = inputsHash(root);
const bundlesPresent = BUNDLES.every((bundle) => existsSync(join(root, bundle)));
if (!always && bundlesPresent && readStamp(root) === hash) {
  console.log('Build is up to date (no change in apps/, libs/, contracts/ or the build config).');
  process.exit(0);
}

// A build that fails half-way must not leave a stamp that vouches for it.
forgetBuild(root);
const build = spawnSync(command, args, { stdio: 'inherit' });
if (build.error) {
  console.error(`Could not run ${command}: ${build.error.message}`);
  process.exit(1);
}
if (build.status !== 0) process.exit(build.status ?? 1);
mkdirSync(dirname(join(root, STAMP_FILE)), { recursive: true });
writeFileSync(join(root, STAMP_FILE), `${hash}\n`);
