// What `npm start` knows about the last build: a hash of every input of the bundles, written
// to dist/.build-stamp after a successful `npm run build` (scripts/build-if-changed.mjs) and
// removed whenever dist/ is written another way (scripts/start-dev.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

export const STAMP_FILE = join('dist', '.build-stamp');

export const BUNDLES = [
  join('dist', 'apps', 'orchestrator', 'main.js'),
  join('dist', 'apps', 'checkout-simulator', 'main.js'),
  join('dist', 'apps', 'adyen-simulator', 'main.js'),
];

/** Sources, assets and the contract data the bundles embed, and what configures the build. */
const INPUT_DIRS = ['apps', 'libs', 'contracts'];
const INPUT_FILES = /^(?:nest-cli\.json|package-lock\.json|tsconfig(?:\.[\w-]+)?\.json)$/;
/** A workspace package's own build output (libs/api-client/dist) is written after the stamp. */
const PACKAGE_OUTPUT = /(?:^|[\\/])(?:dist|node_modules)(?:[\\/]|$)/;
/** Unit specs sit beside the code but never reach a bundle. */
const NOT_BUNDLED = /\.spec\.[cm]?[jt]s$/;

/** Every build input under `root`, as paths relative to it, in a stable order. */
export function buildInputs(root) {
  const nested = INPUT_DIRS.filter((dir) => existsSync(join(root, dir))).flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !NOT_BUNDLED.test(entry.name))
      .filter((entry) => !PACKAGE_OUTPUT.test(relative(root, entry.parentPath)))
      .map((entry) => relative(root, join(entry.parentPath, entry.name))),
  );
  const files = readdirSync(root).filter((name) => INPUT_FILES.test(name));
  return [...nested, ...files].sort();
}

/** SHA-256 over the inputs' paths and contents: any edit, addition or removal changes it. */
export function inputsHash(root) {
  const hash = createHash('sha256');
  for (const path of buildInputs(root)) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(root, path)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function readStamp(root) {
  const file = join(root, STAMP_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** The bundles no longer come from a checked build of the stamped inputs. */
export function forgetBuild(root) {
  rmSync(join(root, STAMP_FILE), { force: true });
}
