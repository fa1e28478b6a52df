import { Logger, runMigrations } from 'graphile-worker';

const quiet = new Logger(() => () => undefined);

/**
 * Installs or upgrades graphile-worker's own schema (`graphile_worker`), which it versions
 * itself; our TypeORM migrations never touch it. Idempotent, safe from several processes.
 */
export async function installJobQueueSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quiet });
}
