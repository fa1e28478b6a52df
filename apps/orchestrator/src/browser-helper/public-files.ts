import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file under apps/orchestrator/public, read once and served from memory. */
export interface PublicFile {
  readonly body: string;
  readonly contentType: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/**
 * apps/orchestrator/public: `nest build` copies it beside the bundle (dist/apps/orchestrator/
 * public, the only copy in the Docker image), found next to the entry script. Run from source
 * (the tests), it is found relative to this file; the bundler bakes `import.meta.url` in as the
 * source path, which only exists on a machine with the checkout.
 */
function publicDirectory(): string {
  const candidates = [
    join(dirname(process.argv[1] ?? '.'), 'public'),
    join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public'),
  ];
  const found = candidates.find((directory) => existsSync(join(directory, 'js', 'threeds.js')));
  if (!found) {
    throw new Error(
      `The orchestrator's public files are missing (looked in ${candidates.join(', ')})`,
    );
  }
  return found;
}

/** Reads `relativePath` (e.g. `js/threeds.js`) from the public directory. */
export function readPublicFile(relativePath: string): PublicFile {
  const extension = relativePath.slice(relativePath.lastIndexOf('.'));
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) throw new Error(`No content type for ${relativePath}`);
  return { body: readFileSync(join(publicDirectory(), relativePath), 'utf8'), contentType };
}
