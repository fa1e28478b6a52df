import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorsOf, citationProblems, commentsOf, sourceFiles } from '../support/doc-citations.js';

const ROOT = process.cwd();

/** Comments cite what is in the repository (docs/), by a page and section that exist. */
describe('documentation citations', () => {
  it('reads anchors as GitHub renders headings', () => {
    const anchors = anchorsOf(
      '# Title\n## 3DS Method\n## Idempotency and concurrency\n```\n## Not a heading\n```\n' +
        '## `complete`, again\n## Errors\n## Errors\n<a id="explicit"></a>\n',
    );
    expect([...anchors]).toEqual([
      'title',
      '3ds-method',
      'idempotency-and-concurrency',
      'complete-again',
      'errors',
      'errors-1',
      'explicit',
    ]);
  });

  it('finds outside documents and broken docs/ citations in comments only', () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-citations-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'guide.md'), '# Guide\n## Callbacks\n');
    const code = [
      "const note = 'FACTS §9 in a string is not a citation';",
      '/** See FACTS §9.1 for the body. */',
      'const pattern = /STYLE/; // (docs/guide.md#callbacks) is fine',
      '// (docs/guide.md#webhooks) names a missing section',
      '/* docs/missing.md does not exist; DESIGN §3 neither */',
      'export { note, pattern };',
    ].join('\n');

    const problems = citationProblems(commentsOf('sample.ts', code), root);

    expect(problems).toEqual([
      { where: 'sample.ts:2', problem: 'cites FACTS, outside the repository' },
      {
        where: 'sample.ts:4',
        problem: 'docs/guide.md#webhooks: no section #webhooks in docs/guide.md',
      },
      { where: 'sample.ts:5', problem: 'cites DESIGN, outside the repository' },
      { where: 'sample.ts:5', problem: 'docs/missing.md: docs/missing.md does not exist' },
    ]);
  });

  it('no source comment cites a document outside the repository or a missing docs/ section', () => {
    const files = sourceFiles(ROOT);
    expect(files).toEqual(expect.arrayContaining(['eslint.config.mjs', 'scripts/bench.mjs']));
    const comments = files.flatMap((file) =>
      commentsOf(file, readFileSync(join(ROOT, file), 'utf8')),
    );
    // The sections the code relies on are cited, so the check above has something to check.
    expect(comments.some((comment) => comment.text.includes('docs/checkout-sessions.md#'))).toBe(
      true,
    );

    expect(citationProblems(comments, ROOT)).toEqual([]);
  });
});
