import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const SCRIPT = resolve('scripts/build-if-changed.mjs');

/** Stands in for `npm run build`: writes every bundle and counts its runs; fails on demand. */
const FAKE_BUILD = `
const fs = require('node:fs');
if (fs.existsSync('fail-the-build')) process.exit(3);
for (const app of ['orchestrator', 'checkout-simulator', 'adyen-simulator']) {
  fs.mkdirSync('dist/apps/' + app, { recursive: true });
  fs.writeFileSync('dist/apps/' + app + '/main.js', '');
}
fs.appendFileSync('builds.log', 'built\\n');
`;

describe('scripts/build-if-changed.mjs (npm start)', () => {
  let root: string;

  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const start = () =>
    spawnSync(process.execPath, [SCRIPT, '--', process.execPath, '-e', FAKE_BUILD], {
      cwd: root,
      encoding: 'utf8',
    });
  const builds = (): number =>
    existsSync(join(root, 'builds.log'))
      ? readFileSync(join(root, 'builds.log'), 'utf8').split('\n').filter(Boolean).length
      : 0;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-if-changed-'));
    write('apps/orchestrator/src/main.ts', 'export {};\n');
    write('libs/domain/src/index.ts', 'export {};\n');
    write('contracts/checkout/test-cards.json', '{}\n');
    write('nest-cli.json', '{}\n');
    write('package-lock.json', '{}\n');
    write('tsconfig.json', '{}\n');
    write('test/e2e/some.e2e-spec.ts', 'export {};\n');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds the first time, then skips while nothing changed', () => {
    expect(start().status).toBe(0);
    expect(builds()).toBe(1);

    const again = start();

    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Build is up to date');
    expect(builds()).toBe(1);
  });

  it('always builds with --always (npm run build), and its stamp then vouches for the result', () => {
    expect(start().status).toBe(0);
    const forced = spawnSync(
      process.execPath,
      [SCRIPT, '--always', '--', process.execPath, '-e', FAKE_BUILD],
      { cwd: root, encoding: 'utf8' },
    );

    expect(forced.status).toBe(0);
    expect(builds()).toBe(2);
    expect(start().stdout).toContain('Build is up to date');
    expect(builds()).toBe(2);
  });

  it.each([
    ['a source is edited', () => write('apps/orchestrator/src/main.ts', 'export const x = 1;\n')],
    ['a lib file is added', () => write('libs/domain/src/new-rule.ts', 'export {};\n')],
    ['contract data changes', () => write('contracts/checkout/test-cards.json', '{"a":1}\n')],
    ['a dependency changes', () => write('package-lock.json', '{"lockfileVersion":3}\n')],
    ['a tsconfig is added', () => write('tsconfig.build.json', '{}\n')],
    ['a bundle is missing', () => unlinkSync(join(root, 'dist/apps/orchestrator/main.js'))],
  ])('builds again when %s', (_change, change) => {
    start();
    change();

    expect(start().status).toBe(0);

    expect(builds()).toBe(2);
  });

  it.each([
    ['a unit spec', () => write('libs/domain/src/index.spec.ts', 'export {};\n')],
    ['an e2e spec', () => write('test/e2e/some.e2e-spec.ts', 'export const y = 2;\n')],
    ['the README', () => write('README.md', '# changed\n')],
  ])('does not build again when only %s changes (it never reaches a bundle)', (_what, change) => {
    start();
    change();

    start();

    expect(builds()).toBe(1);
  });

  it('keeps no stamp after a failed build, so the next start builds again', () => {
    start();
    write('apps/orchestrator/src/main.ts', 'export const broken = ;\n');
    write('fail-the-build', '');

    expect(start().status).toBe(3);
    expect(existsSync(join(root, 'dist/.build-stamp'))).toBe(false);

    unlinkSync(join(root, 'fail-the-build'));
    start();
    expect(builds()).toBe(2);
  });
});
