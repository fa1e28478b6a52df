import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { ApiKeyCache } from './api-key-cache.js';
import { ApiKeySeeder } from './api-key.seeder.js';
import { SecretBox } from './secret-box.js';

/** Team API keys (seeded, cached, revoked through NOTIFY) and the secret box, once per process. */
@Module({
  imports: [PersistenceModule],
  providers: [ApiKeyCache, ApiKeySeeder, SecretBox],
  exports: [ApiKeyCache, SecretBox],
})
export class SecurityModule {}
