// `npm run migration:run`, second half: graphile-worker's schema, on the same database as the
// TypeORM CLI (DATABASE_URL, or the embedded PostgreSQL of a running `npm start`).
import { installJobQueueSchema } from '@app/persistence';
import dataSource from '../ormconfig.js';

const options = dataSource.options as { url?: string };
await installJobQueueSchema(options.url!);
console.log('job queue schema (graphile_worker) is up to date');
