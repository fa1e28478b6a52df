/** TypeORM entities, explicit migrations, repositories and the embedded PostgreSQL server. */
export {
  EmbeddedPostgresServer,
  type EmbeddedPostgresOptions,
} from './embedded/embedded-postgres.server.js';
export { AuthenticationEntity } from './entities/authentication.entity.js';
export { MIGRATIONS } from './migrations/index.js';
export { ENTITIES, typeOrmOptions, type DatabaseTuning } from './typeorm-options.js';
