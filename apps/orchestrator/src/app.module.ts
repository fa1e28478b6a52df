import { typeOrmOptions } from '@app/persistence';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { checkoutConfig } from './config/checkout.config.js';
import { databaseConfig, type DatabaseConfig } from './config/database.config.js';
import { httpConfig } from './config/http.config.js';
import { HealthModule } from './health/health.module.js';

@Module({
  imports: [
    // Each namespace factory validates the whole environment (pure and cheap), so an invalid
    // value can never reach a provider. `main.ts` validates once more before anything starts, to
    // fail with a plain message; `validate` here would throw at import time instead.
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [httpConfig, databaseConfig, checkoutConfig],
    }),
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (database: DatabaseConfig) => {
        if (!database.url) {
          throw new Error('DATABASE_URL is not set and no embedded PostgreSQL was started');
        }
        return typeOrmOptions(database.url, {
          poolSize: database.poolSize,
          runMigrations: database.runMigrations,
          applicationName: 'orchestrator',
        });
      },
    }),
    HealthModule,
  ],
})
export class AppModule {}
