import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkTargets, relativeLinkProblems } from '../support/doc-links.js';

const ROOT = process.cwd();

/** The pages a newcomer reads: README.md and every page under docs/. */
function documentationPages(root: string): string[] {
  const pages = readdirSync(join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`);
  return ['README.md', ...pages.sort()];
}

/** Every relative link of the README and docs/ leads to a file, and a section, that exist. */
describe('documentation links', () => {
  it('reads links in prose, not in code', () => {
    const page = [
      'See [the guide](docs/guide.md#start), ![a picture](img/a.png "A title") and',
      '[Checkout](https://www.checkout.com). `[not a link](in/code.md)`',
      '```md',
      '[nor this](in/a/fence.md)',
      '```',
      '[label]: ../other.md#part',
    ].join('\n');
    expect(linkTargets(page)).toEqual([
      'docs/guide.md#start',
      'img/a.png',
      'https://www.checkout.com',
      '../other.md#part',
    ]);
  });

  it('finds missing files, missing sections and links out of the repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-links-'));
    mkdirSync(join(root, 'docs'));
    mkdirSync(join(root, 'scripts'));
    writeFileSync(join(root, 'scripts', 'run.mjs'), '');
    writeFileSync(
      join(root, 'docs', 'guide.md'),
      '# Guide\n## Start here\n[up](../README.md#top)\n',
    );
    writeFileSync(
      join(root, 'README.md'),
      [
        '# Top',
        '[fine](docs/guide.md#start-here) [fine](scripts/) [fine](scripts/run.mjs) [fine](#top)',
        '[gone](docs/gone.md) [no section](docs/guide.md#webhooks) [here](#nowhere)',
        '[outside](../elsewhere.md) [web](https://example.com/x.md)',
      ].join('\n'),
    );

    const problems = ['README.md', 'docs/guide.md'].flatMap((file) =>
      relativeLinkProblems(file, root),
    );

    expect(problems).toEqual([
      { where: 'README.md', problem: 'docs/gone.md: docs/gone.md does not exist' },
      {
        where: 'README.md',
        problem: 'docs/guide.md#webhooks: no section #webhooks in docs/guide.md',
      },
      { where: 'README.md', problem: '#nowhere: no section #nowhere in README.md' },
      { where: 'README.md', problem: '../elsewhere.md: leaves the repository' },
    ]);
  });

  it('README.md and every docs/ page link only to what exists', () => {
    const pages = documentationPages(ROOT);
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/design.md']));
    // Enough links are followed that a reading that finds none cannot pass for a clean one.
    const relativeTargets = pages
      .flatMap((file) => linkTargets(readFileSync(join(ROOT, file), 'utf8')))
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
    expect(relativeTargets.length).toBeGreaterThan(30);

    expect(pages.flatMap((file) => relativeLinkProblems(file, ROOT))).toEqual([]);
  });
});
