import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import ts from 'typescript';

/** The orchestrator's sources, whose top-level folders are its rooms. */
export const SOURCE_ROOT = 'apps/orchestrator/src';

/** Files directly in SOURCE_ROOT (main.ts, app.module.ts …): the composition root. */
export const ROOT = '(root)';

/** Rooms every other room may lean on; they import no feature (lowest last). */
export const INFRASTRUCTURE = [
  'openapi',
  'http',
  'security',
  'metrics',
  'logging',
  'common',
  'config',
];

/**
 * Which room may import which (docs/design.md#rooms). Triggers call the flow; the flow calls the
 * domain and persistence (libs); infrastructure serves them all and imports no feature. No room
 * imports another that may import it, and none imports the composition root.
 */
export const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  authentications: ['flow', ...INFRASTRUCTURE],
  analytics: INFRASTRUCTURE,
  'browser-returns': ['flow', ...INFRASTRUCTURE],
  providers: ['flow', ...INFRASTRUCTURE],
  'team-events': ['flow', ...INFRASTRUCTURE],
  jobs: INFRASTRUCTURE,
  health: INFRASTRUCTURE,
  'browser-helper': INFRASTRUCTURE,
  demo: ['authentications', 'browser-helper', ...INFRASTRUCTURE],
  flow: ['common', 'config', 'logging', 'metrics', 'security'],
  openapi: ['http', 'config'],
  http: ['security', 'logging', 'config'],
  security: ['config'],
  metrics: ['config'],
  logging: ['config'],
  common: ['config'],
  config: [],
};

export interface RoomImport {
  /** The importing file, relative to SOURCE_ROOT. */
  readonly file: string;
  readonly specifier: string;
  readonly from: string;
  readonly to: string;
}

/** The room a path (relative to SOURCE_ROOT) belongs to. */
export function roomOf(path: string): string {
  const [first, ...rest] = normalize(path).split(sep);
  return rest.length === 0 ? ROOT : first;
}

/** Every relative import (static, re-export or dynamic) of a source file, as written. */
export function specifiersOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.'));
}

/** The imports that cross from one room into another (or into the root), from file texts. */
export function roomImports(files: ReadonlyMap<string, string>): RoomImport[] {
  return [...files].flatMap(([file, text]) =>
    specifiersOf(file, text).flatMap((specifier) => {
      const target = normalize(join(dirname(file), specifier));
      // Outside the sources (a JSON file of contracts/, say): not a room.
      if (target.startsWith('..')) return [];
      const [from, to] = [roomOf(file), roomOf(target)];
      return from === to ? [] : [{ file, specifier, from, to }];
    }),
  );
}

/** What breaks the table: an arrow it does not allow, or a room it does not know. */
export function directionProblems(
  imports: readonly RoomImport[],
  allowed: Readonly<Record<string, readonly string[]>> = ALLOWED_IMPORTS,
): string[] {
  return imports.flatMap(({ file, specifier, from, to }) => {
    if (from === ROOT) return [];
    if (!(from in allowed)) return [`${file}: ${from}/ is not a room of the table`];
    if (to === ROOT) return [`${file} imports the composition root (${specifier})`];
    if (!allowed[from].includes(to)) return [`${file}: ${from} → ${to} (${specifier})`];
    return [];
  });
}

/** Pairs of rooms the table lets import each other, directly or round a cycle. */
export function cyclesOf(allowed: Readonly<Record<string, readonly string[]>>): string[][] {
  const cycles: string[][] = [];
  const walk = (room: string, path: string[]): void => {
    for (const next of allowed[room] ?? []) {
      const seen = path.indexOf(next);
      if (seen >= 0) cycles.push([...path.slice(seen), next]);
      else walk(next, [...path, next]);
    }
  };
  for (const room of Object.keys(allowed)) walk(room, [room]);
  return cycles;
}

/** The TypeScript sources under SOURCE_ROOT, by path relative to it. */
export function orchestratorSources(repositoryRoot: string): Map<string, string> {
  const root = join(repositoryRoot, SOURCE_ROOT);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (path) => path.endsWith('.ts') && statSync(join(root, path)).isFile(),
  );
  return new Map(files.map((path) => [path, readFileSync(join(root, path), 'utf8')]));
}

/** The top-level folders of SOURCE_ROOT. */
export function roomsOnDisk(repositoryRoot: string): string[] {
  const root = join(repositoryRoot, SOURCE_ROOT);
  return readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
}

const roomsNamedIn = (text: string): string[] =>
  [...text.matchAll(/`([\w-]+)\/`/g)].map(([, room]) => room);

/**
 * The rows of the Markdown table `| room | may import |`, as room → rooms, with "the
 * infrastructure" read as the rooms the paragraph "The infrastructure is …" names.
 */
export function documentedTable(markdown: string): Record<string, string[]> {
  const infrastructure = roomsNamedIn(
    /^The infrastructure is ([^]*?)\n\n/m.exec(markdown)?.[1] ?? '',
  );
  const rows = markdown
    .split('\n')
    .map((line) => /^\|\s*`([\w-]+)\/`\s*\|([^|]*)\|/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  return Object.fromEntries(
    rows.map(([, room, targets]) => [
      room,
      [...roomsNamedIn(targets), ...(targets.includes('the infrastructure') ? infrastructure : [])],
    ]),
  );
}
