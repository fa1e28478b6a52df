import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** What the orchestrator answers is built here (the simulator has codes of its own). */
const ANSWERING_SOURCES = [
  'apps/orchestrator/src',
  'libs/domain/src',
  'libs/checkout-client/src',
  'libs/common/src',
];
const ERROR_CODE_SHAPE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

export interface ErrorCodeSite {
  readonly code: string;
  readonly where: string;
}

/** The non-test TypeScript files of the code that answers API requests. */
export function answeringSourceFiles(root: string): string[] {
  return ANSWERING_SOURCES.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts'))
      .map((path) => join(dir, path)),
  ).sort();
}

/**
 * The error codes a file writes, found by TypeScript's parser: uppercase literals given to a
 * `code` (a DomainError's field, an `error: {code}` body, whatever the expression around them),
 * passed first to `new …Error(…)` (InputRefusedError takes its code so), or inside anything
 * declared or checked as an error code type (`: ApiErrorCode`, `satisfies ErrorCode`, a table
 * typed `Record<…, ApiErrorCode>`, a function returning one) or a list named `…ERROR_CODES`.
 */
export function errorCodeSitesOf(file: string, text: string): ErrorCodeSite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sites: ErrorCodeSite[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && ERROR_CODE_SHAPE.test(node.text)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      sites.push({ code: node.text, where: `${file}:${line + 1}` });
    }
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node)) &&
      node.name.getText(source) === 'code' &&
      node.initializer
    ) {
      collect(node.initializer);
    } else if (
      ts.isNewExpression(node) &&
      node.expression.getText(source).endsWith('Error') &&
      node.arguments?.[0]
    ) {
      collect(node.arguments[0]);
    } else if (declaredAsErrorCodes(node, source)) {
      collect(node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

const ERROR_CODE_TYPE = /ErrorCode\b/;

function declaredAsErrorCodes(node: ts.Node, source: ts.SourceFile): boolean {
  if (ts.isSatisfiesExpression(node) || ts.isAsExpression(node)) {
    return ERROR_CODE_TYPE.test(node.type.getText(source));
  }
  if (ts.isVariableDeclaration(node) && /ERROR_CODES$/.test(node.name.getText(source))) {
    return true;
  }
  const typed =
    ts.isVariableDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node);
  return typed && !!node.type && ERROR_CODE_TYPE.test(node.type.getText(source));
}

export function errorCodeSites(root: string): ErrorCodeSite[] {
  return answeringSourceFiles(root).flatMap((file) =>
    errorCodeSitesOf(file, readFileSync(join(root, file), 'utf8')),
  );
}

/** The rows of the Markdown table that starts with `header` (cells trimmed, backticks dropped). */
export function markdownTableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => cellsOf(line).join('|') === header);
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trimStart().startsWith('|')) break;
    rows.push(cellsOf(line));
  }
  return rows;
}

function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim().replace(/^`(.*)`$/, '$1'));
}
