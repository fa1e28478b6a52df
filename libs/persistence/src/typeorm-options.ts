import type { EventEmitter } from 'node:events';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { AuthenticationEventEntity } from './entities/authentication-event.entity.js';
import { AuthenticationInputCountEntity } from './entities/authentication-input-count.entity.js';
import { AuthenticationEntity } from './entities/authentication.entity.js';
import { ProviderEventEntity } from './entities/provider-event.entity.js';
import { ResultClaimEntity } from './entities/result-claim.entity.js';
import { EventDeliveryAttemptEntity } from './entities/event-delivery-attempt.entity.js';
import { EventDeliveryEntity } from './entities/event-delivery.entity.js';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';
import { JobWorkerEntity } from './entities/job-worker.entity.js';
import { TeamEndpointEntity } from './entities/team-endpoint.entity.js';
import { TeamEventEntity } from './entities/team-event.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** Listed explicitly: the apps are bundled, so path globs would find nothing. */
export const ENTITIES = [
  AuthenticationEntity,
  AuthenticationEventEntity,
  AuthenticationInputCountEntity,
  IdempotencyKeyEntity,
  ProviderEventEntity,
  JobWorkerEntity,
  TeamEndpointEntity,
  TeamEventEntity,
  EventDeliveryEntity,
  EventDeliveryAttemptEntity,
  ApiKeyEntity,
  ResultClaimEntity,
];

export interface DatabaseTuning {
  /** Connections per process. Commits bound throughput; 8–10 is the measured sweet spot. */
  readonly poolSize?: number;
  /** Apply pending migrations when the connection opens (default: no). */
  readonly runMigrations?: boolean;
  /** Shown in `pg_stat_activity.application_name`. */
  readonly applicationName?: string;
}

/** The one source of TypeORM options: used by the app, `ormconfig.ts` (CLI) and the tests. */
export function typeOrmOptions(
  databaseUrl: string,
  tuning: DatabaseTuning = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: tuning.runMigrations ?? false,
    applicationName: tuning.applicationName,
    extra: {
      max: tuning.poolSize ?? 10,
      // Waiting for a connection (a busy pool, a server that does not answer) ends here, and the
      // request with 503 DATABASE_UNAVAILABLE instead of hanging (docs/design.md#database-outages).
      connectionTimeoutMillis: 5_000,
    },
  };
}

/**
 * A DataSource whose pool never lets a lost connection crash the process. pg-pool listens for
 * errors only on idle clients, and TypeORM adds no listener to the clients it checks out: a
 * server that ends a session (an outage, an operator's pg_terminate_backend) while a client is
 * out but between queries emitted an unhandled 'error' (57P01). The query in flight, if any,
 * still fails with it; the client is discarded when it is released.
 */
export async function guardedDataSource(
  options: DataSourceOptions,
  lost: (error: Error) => void,
): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  const guarded = new WeakSet<object>();
  const pool = (dataSource.driver as unknown as { master: EventEmitter }).master;
  pool.on('acquire', (client: EventEmitter) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', lost);
  });
  return dataSource;
}
