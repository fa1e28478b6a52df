import { findCardNumbers } from '@app/domain';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { SIMULATOR_CLIENT } from './simulator/simulator-app.js';
import { TEAM_A, TEAM_B, WEBHOOK_SECRET } from './test-config.js';

/** Test values that must never be stored or logged as they are. */
const SECRETS = [
  TEAM_A.apiKey,
  TEAM_B.apiKey,
  SIMULATOR_CLIENT.secret,
  WEBHOOK_SECRET,
  'test-card-fingerprint-key-0000000000000',
  Buffer.alloc(32, 7).toString('base64'),
];

/** Shapes of what must never be kept in clear: session secrets, OAuth tokens, signing keys … */
const PATTERNS: readonly [string, RegExp][] = [
  ['a Checkout session secret', /sek_[a-z0-9]{10,}/],
  // (an ACS's signed content is a JWS too, and may be kept: only a token as a credential counts)
  ['an OAuth access token', /Bearer\s+eyJ[\w-]{8,}\.|"access_token"\s*:\s*"eyJ/],
  ['an endpoint signing secret', /whsec_[A-Za-z0-9+/=]{20,}/],
  ['a cryptogram in clear', /"cryptogram"\s*:\s*"[^"]/],
  // A field named cvv with its digits: not the end of a random id (`auth_…cvv`), and not across
  // the line between two dumped values.
  ['a CVV', /(?<![A-Za-z0-9])cvv\\?["' \t:=]+\d{3,4}/i],
];

let cardsInUse: Set<string> | undefined;

/** Every card number the tests use: Checkout's test cards and the numbers in the specs. */
function testCardNumbers(root: string): Set<string> {
  cardsInUse ??= readCardNumbers(root);
  return cardsInUse;
}

function readCardNumbers(root: string): Set<string> {
  const sources = [join(root, 'contracts/checkout/test-cards.json')];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) sources.push(path);
    }
  };
  walk(join(root, 'test'));
  return new Set(sources.flatMap((file) => findCardNumbers(readFileSync(file, 'utf8'))));
}

/**
 * Every table of every schema but PostgreSQL's own (ours, graphile-worker's jobs and queues),
 * every column as text: the rows as JSON, then each string as stored (JSON and arrays walked,
 * bytes read as UTF-8).
 */
export async function dumpTables(url: string): Promise<[string, string][]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
         AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1, 2`,
    );
    const dump: [string, string][] = [];
    for (const { schema, name } of tables) {
      const { rows } = await client.query(`SELECT * FROM "${schema}"."${name}"`);
      // As JSON (the shapes PATTERNS look for) and as decoded strings (escaped separators).
      dump.push([`${schema}.${name}`, `${JSON.stringify(rows)}\n${textsOf(rows).join('\n')}`]);
    }
    return dump;
  } finally {
    await client.end();
  }
}

/** Every string a value holds (keys included), decoded: what a reader of it would see. */
function textsOf(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (typeof value === 'number' || typeof value === 'bigint') found.push(String(value));
  else if (Buffer.isBuffer(value)) found.push(value.toString('utf8'));
  else if (value instanceof Date) return found;
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      found.push(key);
      textsOf(item, found);
    }
  }
  return found;
}

/** A log file's lines with their JSON strings decoded (`\t`, `\u00a0` …), and as written. */
export function logTexts(text: string): string {
  return text
    .split('\n')
    .flatMap((line) => {
      try {
        return [line, ...textsOf(JSON.parse(line))];
      } catch {
        return [line];
      }
    })
    .join('\n');
}

/**
 * After each test and the whole e2e run: every table of every test database and every captured
 * log line, searched for the test suite's card numbers in any spelling (the domain's detector:
 * separators, look-alike digits, docs/card-data.md), CVVs, cryptograms in clear, keys and
 * secrets. Returns what was found (where and what kind, never the value itself). Only the card
 * numbers the tests use count: a random id or hash that happens to read as one is no leak.
 */
export async function scanForLeaks(databaseUrls: readonly string[], logDir?: string) {
  const cards = testCardNumbers(process.cwd());
  const texts: [string, string][] = [];
  for (const url of databaseUrls) {
    for (const [table, text] of await dumpTables(url)) {
      texts.push([`database ${new URL(url).pathname} ${table}`, text]);
    }
  }
  if (logDir && existsSync(logDir)) {
    for (const file of readdirSync(logDir)) {
      texts.push([`log ${file}`, logTexts(readFileSync(join(logDir, file), 'utf8'))]);
    }
  }
  const findings: string[] = [];
  for (const [where, text] of texts) {
    for (const card of new Set(findCardNumbers(text)))
      if (cards.has(card)) findings.push(`${where}: test card …${card.slice(-4)}`);
    for (const secret of SECRETS)
      if (text.includes(secret)) findings.push(`${where}: a test key or secret`);
    for (const [what, pattern] of PATTERNS) {
      const found = pattern.exec(text);
      if (found) findings.push(`${where}: ${what} (${shapeAround(text, found.index)})`);
    }
  }
  return findings;
}

/**
 * Where a pattern matched, for whoever reads the failure: the text around it with every digit
 * shown as `9`, enough to tell which field it was without repeating a number.
 */
function shapeAround(text: string, at: number): string {
  return JSON.stringify(text.slice(Math.max(0, at - 30), at + 12).replace(/\d/g, '9'));
}
