import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Orchestration } from '../../support/orchestration.js';
import { TEAM_A, testDatabaseUrl } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

const run = promisify(execFile);

/** `npm run api-keys`, as an operator runs it, against this worker's database. */
async function apiKeys(...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/api-keys.ts', ...args],
    { env: { PATH: process.env.PATH ?? '', DATABASE_URL: testDatabaseUrl() } },
  );
  return stdout;
}

/** API keys are data: stored hashed, made, listed and revoked by a script, revoked at once. */
describe('API keys (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  afterAll(() => ctx.close());

  it('creates a key shown once, lists it by prefix, and refuses it from the moment it is revoked', async () => {
    const created = await apiKeys('create', 'team-c', 'payments backend');
    const [, id, key] =
      /created (key_\w+) for team team-c; the key \(shown once\):\n(tds_\w+)/.exec(created)!;
    await ctx.api('get', '/v1/authentications', key).expect(200);

    const listed = await apiKeys('list', 'team-c');
    expect(listed).toContain(`${id}  team-c  ${key.slice(0, 8)}…  active  payments backend`);
    expect(listed).not.toContain(key);
    const stored = JSON.stringify(await ctx.sql('SELECT * FROM api_keys'));
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(TEAM_A.apiKey); // seeded from API_KEYS, hashed too

    await expect(apiKeys('revoke', id)).resolves.toContain(`revoked ${id}`);
    // Refused once the revocation's NOTIFY is heard (at once, but on a busy machine that takes a
    // while), long before the cache would have stopped trusting the key by itself (60 s).
    const refused = await waitUntil(
      async () => {
        const answer = await ctx.api('get', '/v1/authentications', key);
        return answer.status === 401 ? answer : undefined;
      },
      { describe: () => 'the revoked key is still accepted' },
    );
    expect(refused.body.error.code).toBe('UNAUTHENTICATED');
    await ctx.api('get', '/v1/authentications').expect(200); // other keys unaffected
  });

  it('answers a key of any length in the same way: not found by hash', async () => {
    for (const key of ['x', 'a'.repeat(199), `${TEAM_A.apiKey}x`]) {
      await ctx.api('get', '/v1/authentications', key).expect(401);
    }
  });
});
