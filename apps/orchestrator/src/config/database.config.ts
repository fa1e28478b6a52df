import { registerAs, type ConfigType } from '@nestjs/config';
import { validateOrchestratorEnvironment } from './orchestrator.environment.js';

export const databaseConfig = registerAs('database', () => {
  const env = validateOrchestratorEnvironment(process.env);
  return {
    /** Set by the bootstrap to the embedded server's URL when DATABASE_URL is not given. */
    url: env.DATABASE_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    runMigrations: env.DATABASE_RUN_MIGRATIONS,
    embedded: { dataDir: env.EMBEDDED_POSTGRES_DIR, port: env.EMBEDDED_POSTGRES_PORT },
  };
});
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
