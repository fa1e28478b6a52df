import { ApiKeyRepository } from '@app/persistence';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { recordOf } from './api-keys.js';

/**
 * Keys from API_KEYS (development, tests) become stored keys at start-up, hashed like the rest.
 * A key revoked since stays revoked; production keys come from `npm run api-keys`.
 */
@Injectable()
export class ApiKeySeeder implements OnApplicationBootstrap {
  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(securityConfig.KEY) private readonly config: SecurityConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const records = [...this.config.apiKeys].map(([key, team]) => recordOf(team, key, 'API_KEYS'));
    await this.keys.seed(records);
  }
}
