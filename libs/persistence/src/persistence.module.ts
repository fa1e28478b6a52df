import { Module } from '@nestjs/common';
import { AuthenticationRepository } from './authentication.repository.js';

/** Repositories over the app's TypeORM DataSource (configured by the app with typeOrmOptions). */
@Module({
  providers: [AuthenticationRepository],
  exports: [AuthenticationRepository],
})
export class PersistenceModule {}
