import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  API_ERROR_CODES,
  ERROR_CATALOGUE,
} from '../../apps/orchestrator/src/http/error-catalogue.js';
import {
  errorCodeSites,
  errorCodeSitesOf,
  markdownTableRows,
} from '../support/error-code-sites.js';

const ROOT = process.cwd();
const CATALOGUE_FILE = 'apps/orchestrator/src/http/error-catalogue.ts';

/** Uppercase `code` values that are never an answer's `error.code`, and why. */
const NOT_ANSWERED: Record<string, string> = {
  UNEXPECTED: 'a timeline and log detail for a failure that is not a DomainError',
};

/** Every error code the API answers is in the one catalogue, and docs/errors.md shows it. */
describe('error catalogue', () => {
  it('finds codes given to `code` and to `new …Error(…)`, not other uppercase strings', () => {
    const sample = [
      "class A extends DomainError { readonly code = 'SOME_CODE'; }",
      "reply.send({ error: { code: big ? 'TOO_BIG' : 'TOO_ODD', details: {} } });",
      "throw new InputRefusedError('REFUSED_HERE', 'message');",
      "if (error.code === 'ETIMEDOUT') return { method: 'GET', currency: 'EUR' };",
      "log({ code: error.code, reason: 'lowercase_reason' });",
      "const TABLE: Record<number, ApiErrorCode> = { [404]: 'IN_A_TABLE' };",
      "const codeOf = (s: number): ApiErrorCode => (s > 499 ? 'RETURNED' : TABLE[s]);",
      "const fallback = 'CHECKED' satisfies ErrorCode;",
      "export const MORE_ERROR_CODES = ['LISTED'] as const;",
    ].join('\n');
    expect(errorCodeSitesOf('sample.ts', sample).map((site) => site.code)).toEqual([
      'SOME_CODE',
      'TOO_BIG',
      'TOO_ODD',
      'REFUSED_HERE',
      'IN_A_TABLE',
      'RETURNED',
      'CHECKED',
      'LISTED',
    ]);
  });

  it('lists every code the source gives an error', () => {
    const sites = errorCodeSites(ROOT);
    expect(sites.length).toBeGreaterThan(20);
    const uncatalogued = sites.filter(
      ({ code }) => !(code in ERROR_CATALOGUE) && !(code in NOT_ANSWERED),
    );
    // Add each to ERROR_CATALOGUE (status and meaning), or to NOT_ANSWERED with the reason.
    expect(uncatalogued).toEqual([]);
  });

  it('lists no code that nothing answers (the catalogue and the API docs aside)', () => {
    const describing = (where: string) =>
      where.startsWith(`${CATALOGUE_FILE}:`) || /openapi\/|\.api-docs\.ts:/.test(where);
    const answered = new Set(
      errorCodeSites(ROOT)
        .filter(({ where }) => !describing(where))
        .map(({ code }) => code),
    );
    expect(API_ERROR_CODES.filter((code) => !answered.has(code))).toEqual([]);
  });

  it("is docs/errors.md's table of codes, row for row", () => {
    const page = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
    const expected = API_ERROR_CODES.map((code) => [
      code,
      String(ERROR_CATALOGUE[code].status),
      ERROR_CATALOGUE[code].meaning,
    ]);
    expect(markdownTableRows(page, 'code|status|meaning')).toEqual(expected);
  });
});
