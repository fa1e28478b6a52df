import { typeOrmOptions } from '@app/persistence';
import { DataSource } from 'typeorm';

/**
 * For the TypeORM CLI only (`npm run migration:*`). Without DATABASE_URL it targets the embedded
 * PostgreSQL that `npm start` runs (default EMBEDDED_POSTGRES_PORT), which must then be up.
 */
const EMBEDDED_DEFAULT_URL = `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_POSTGRES_PORT ?? 54329}/orchestrator`;

export default new DataSource(typeOrmOptions(process.env.DATABASE_URL ?? EMBEDDED_DEFAULT_URL));
