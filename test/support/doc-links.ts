import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { anchorsOf, type CitationProblem } from './doc-citations.js';

/** `[text](target)` and `![alt](target "title")`: the target, up to a space or the parenthesis. */
const INLINE_LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
/** `[label]: target` on a line of its own. */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm;

/**
 * The link targets of a Markdown page as a reader can follow them: fenced blocks and code spans
 * are text, not links.
 */
export function linkTargets(markdown: string): string[] {
  const prose = withoutCode(markdown);
  return [
    ...[...prose.matchAll(INLINE_LINK)].map(([, target]) => target),
    ...[...prose.matchAll(REFERENCE_DEFINITION)].map(([, target]) => target),
  ];
}

function withoutCode(markdown: string): string {
  let fence: string | undefined;
  const lines = markdown.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker?.startsWith(fence)) fence = undefined;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line;
  });
  return lines.join('\n').replace(/(`+)[\s\S]*?\1/g, '');
}

/**
 * Broken relative links of a Markdown file (`file` relative to `root`): a target that is not in
 * the repository, or a `#section` its Markdown page does not have. Links with a scheme
 * (`https:`, `mailto:`) are not this check's business.
 */
export function relativeLinkProblems(file: string, root: string): CitationProblem[] {
  const problems: CitationProblem[] = [];
  for (const target of linkTargets(readFileSync(join(root, file), 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
    const problem = targetProblem(root, file, target);
    if (problem) problems.push({ where: file, problem: `${target}: ${problem}` });
  }
  return problems;
}

function targetProblem(root: string, file: string, target: string): string | undefined {
  const [encodedPath, anchor] = target.split('#', 2);
  const path = decodeURIComponent(encodedPath);
  const resolved = path ? normalize(join(dirname(file), path)) : file;
  if (resolved.startsWith('..') || relative(root, join(root, resolved)).startsWith('..')) {
    return 'leaves the repository';
  }
  const absolute = join(root, resolved);
  if (!existsSync(absolute)) return `${resolved} does not exist`;
  if (!anchor) return undefined;
  if (!resolved.endsWith('.md') || statSync(absolute).isDirectory()) return undefined;
  const decoded = decodeURIComponent(anchor);
  if (anchorsOf(readFileSync(absolute, 'utf8')).has(decoded)) return undefined;
  return `no section #${decoded} in ${resolved}`;
}
