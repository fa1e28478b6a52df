import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newApiKey, recordOf } from './api-keys.js';

/** What is kept of a key in clear: a prefix to recognise it by, and docs/security.md says which. */
describe('api keys', () => {
  const security = readFileSync(join(process.cwd(), 'docs/security.md'), 'utf8');

  it('keeps the first 8 characters of a new key (tds_ and 4 more) and only its hash', () => {
    const { key, record } = newApiKey('team-a');
    expect(key).toMatch(/^tds_[a-z2-7]{32}$/);
    expect(record.prefix).toBe(key.slice(0, 8));
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(record)).not.toContain(key);
  });

  it('keeps the first 4 characters of a seeded key', () => {
    expect(recordOf('team-a', 'team-a-api-key-0000000001').prefix).toBe('team');
  });

  it('is what docs/security.md says is kept', () => {
    const row = security.split('\n').find((line) => line.startsWith('| API keys '));
    expect(row).toContain('first 8 characters (`tds_` and 4 more; 4 for keys seeded');
  });
});
