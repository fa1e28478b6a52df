import { Module } from '@nestjs/common';
import { AuthenticationRepository } from './authentication.repository.js';
import { IdempotencyKeyRepository } from './idempotency-key.repository.js';

/** Repositories over the app's TypeORM DataSource (configured by the app with typeOrmOptions). */
@Module({
  providers: [AuthenticationRepository, IdempotencyKeyRepository],
  exports: [AuthenticationRepository, IdempotencyKeyRepository],
})
export class PersistenceModule {}
