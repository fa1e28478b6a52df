import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** The design-time documents that live outside the repository: code must not send readers there. */
const OUTSIDE_DOCUMENT = /\b(?:FACTS|DESIGN|RELIABILITY|STYLE)\b|\/work\/shared\b/;
/** A page under docs/ with an optional section anchor, as comments cite it. */
const DOCS_CITATION = /\bdocs\/([\w.-]+\.md)(?:#([\w-]+))?/g;

const SOURCE_DIRS = ['apps', 'libs', 'test', 'scripts', 'bench'];
const ROOT_SOURCES = ['eslint.config.mjs', 'jest.config.mjs', 'ormconfig.ts'];
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]s)$/;

export interface SourceComment {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Every TypeScript and JavaScript file of the repository's own code (no dependencies, no builds). */
export function sourceFiles(root: string): string[] {
  const nested = SOURCE_DIRS.flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
          .filter((path) => SOURCE_EXTENSION.test(path) && !path.includes('node_modules'))
          .map((path) => join(dir, path))
      : [],
  );
  return [...nested, ...ROOT_SOURCES.filter((file) => existsSync(join(root, file)))].sort();
}

/** The comments of a source file, found by TypeScript's parser (never inside strings or regexes). */
export function commentsOf(file: string, text: string): SourceComment[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const seen = new Map<number, SourceComment>();
  const collect = (ranges: ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      const line = source.getLineAndCharacterOfPosition(range.pos).line + 1;
      seen.set(range.pos, { file, line, text: text.slice(range.pos, range.end) });
    }
  };
  const visit = (node: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.getChildren(source).forEach(visit);
  };
  visit(source);
  return [...seen.values()].sort((a, b) => a.line - b.line);
}

function scriptKind(file: string): ts.ScriptKind {
  return /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/**
 * The section anchors of a Markdown page, as GitHub renders them: lower case, punctuation
 * dropped, spaces as hyphens, `-1`, `-2` … for repeats; explicit `<a id="…">` too.
 */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    for (const [, id] of line.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(id);
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let slug = base;
    for (let repeat = 1; anchors.has(slug); repeat++) slug = `${base}-${repeat}`;
    anchors.add(slug);
  }
  return anchors;
}

export interface CitationProblem {
  readonly where: string;
  readonly problem: string;
}

/** What is wrong with the comments' citations: outside documents, missing docs pages or sections. */
export function citationProblems(
  comments: readonly SourceComment[],
  root: string,
): CitationProblem[] {
  const problems: CitationProblem[] = [];
  for (const comment of comments) {
    const where = `${comment.file}:${comment.line}`;
    const outside = OUTSIDE_DOCUMENT.exec(comment.text);
    if (outside) {
      problems.push({ where, problem: `cites ${outside[0]}, outside the repository` });
    }
    for (const [citation, page, anchor] of comment.text.matchAll(DOCS_CITATION)) {
      const problem = targetProblem(root, join('docs', page), anchor);
      if (problem) problems.push({ where, problem: `${citation}: ${problem}` });
    }
  }
  return problems;
}

/** `page`: relative to the repository root. */
function targetProblem(root: string, page: string, anchor: string | undefined): string | undefined {
  const path = join(root, page);
  if (!existsSync(path)) return `${page} does not exist`;
  if (anchor && !anchorsOf(readFileSync(path, 'utf8')).has(anchor)) {
    return `no section #${anchor} in ${page}`;
  }
  return undefined;
}
