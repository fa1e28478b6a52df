// `npm run api-keys -- create <team> [description] | list [team] | revoke <key_id>`
// Keys are stored hashed: `create` prints the key once, and nothing can show it again.
import { ApiKeyRepository } from '@app/persistence';
import dataSource from '../ormconfig.js';
import { newApiKey } from '../apps/orchestrator/src/security/api-keys.js';

const TEAM = /^[a-z0-9_-]{1,64}$/;
const [command, argument, ...rest] = process.argv.slice(2);

await dataSource.initialize();
const keys = new ApiKeyRepository(dataSource);
try {
  if (command === 'create' && argument && TEAM.test(argument)) {
    const { key, record } = newApiKey(argument, rest.join(' ') || undefined);
    await keys.create(record);
    console.log(`created ${record.id} for team ${argument}; the key (shown once):\n${key}`);
  } else if (command === 'list') {
    for (const key of await keys.list(argument)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
      console.log(`${key.id}  ${key.teamId}  ${key.prefix}…  ${state}  ${key.description ?? ''}`);
    }
  } else if (command === 'revoke' && argument) {
    const revoked = await keys.revoke(argument);
    console.log(revoked ? `revoked ${argument}` : `no active key ${argument}`);
    process.exitCode = revoked ? 0 : 1;
  } else {
    console.error(
      'usage: npm run api-keys -- create <team> [description] | list [team] | revoke <key_id>',
    );
    process.exitCode = 2;
  }
} finally {
  await dataSource.destroy();
}
