/** TypeORM entities, explicit migrations, repositories and the embedded PostgreSQL server. */
export {
  AuthenticationRepository,
  type AuthenticationColumns,
  type TimelineEntry,
  type TransitionWrite,
} from './authentication.repository.js';
export {
  EmbeddedPostgresServer,
  type EmbeddedPostgresOptions,
} from './embedded/embedded-postgres.server.js';
export {
  AuthenticationEventEntity,
  type EventDetail,
} from './entities/authentication-event.entity.js';
export { AuthenticationEntity } from './entities/authentication.entity.js';
export { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';
export { IdempotencyKeyRepository, type KeyClaim } from './idempotency-key.repository.js';
export { MIGRATIONS } from './migrations/index.js';
export { PersistenceModule } from './persistence.module.js';
export { ENTITIES, typeOrmOptions, type DatabaseTuning } from './typeorm-options.js';
