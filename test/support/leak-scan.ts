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
  ['a CVV', /cvv\\?["'\s:=]+\d{3,4}/i],
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

async function dumpTables(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE'`,
    );
    const dump: string[] = [];
    for (const { schema, name } of tables) {
      const { rows } = await client.query(`SELECT * FROM "${schema}"."${name}"`);
      dump.push(`${schema}.${name}: ${JSON.stringify(rows)}`);
    }
    return dump.join('\n');
  } finally {
    await client.end();
  }
}

/**
 * After the whole e2e run: every table of every test database and every captured log line,
 * searched for test card numbers, CVVs, cryptograms in clear, keys and secrets. Returns what was
 * found (where and what kind, never the value itself).
 */
export async function scanForLeaks(databaseUrls: readonly string[], logDir?: string) {
  const cards = testCardNumbers(process.cwd());
  const texts: [string, string][] = [];
  for (const url of databaseUrls)
    texts.push([`database ${new URL(url).pathname}`, await dumpTables(url)]);
  if (logDir && existsSync(logDir)) {
    for (const file of readdirSync(logDir)) {
      texts.push([`log ${file}`, readFileSync(join(logDir, file), 'utf8')]);
    }
  }
  const findings: string[] = [];
  for (const [where, text] of texts) {
    for (const card of cards)
      if (text.includes(card)) findings.push(`${where}: test card …${card.slice(-4)}`);
    for (const secret of SECRETS)
      if (text.includes(secret)) findings.push(`${where}: a test key or secret`);
    for (const [what, pattern] of PATTERNS)
      if (pattern.test(text)) findings.push(`${where}: ${what}`);
  }
  return findings;
}
