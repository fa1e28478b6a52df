import { guardedDataSource, typeOrmOptions } from '@app/persistence';
import { Logger, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ConditionalModule, ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { adyenConfig } from './config/adyen.config.js';
import { checkoutConfig } from './config/checkout.config.js';
import { claimsConfig } from './config/claims.config.js';
import { strategyConfig } from './config/strategy.config.js';
import { databaseConfig, type DatabaseConfig } from './config/database.config.js';
import { httpConfig } from './config/http.config.js';
import { eventsConfig } from './config/events.config.js';
import { jobsConfig } from './config/jobs.config.js';
import { loggingConfig } from './config/logging.config.js';
import { providerBreakerConfig } from './config/provider-breaker.config.js';
import { securityConfig } from './config/security.config.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuthenticationsModule } from './authentications/authentications.module.js';
import { BrowserHelperModule } from './browser-helper/browser-helper.module.js';
import { DemoModule } from './demo/demo.module.js';
import { demoPageEnabled } from './demo/demo.config.js';
import { BrowserReturnsModule } from './browser-returns/browser-returns.module.js';
import { AdyenInboundModule } from './providers/adyen/adyen-inbound.module.js';
import { CheckoutInboundModule } from './providers/checkout/checkout-inbound.module.js';
import { ProvidersModule } from './providers/providers.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { TeamEventsModule } from './team-events/team-events.module.js';
import { DomainErrorFilter } from './http/domain-error.filter.js';
import { HttpExceptionFilter } from './http/http-exception.filter.js';
import { UnexpectedErrorFilter } from './http/unexpected-error.filter.js';
import { validationPipe } from './http/validation.pipe.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';

@Module({
  imports: [
    // Each namespace factory validates the whole environment (pure and cheap), so an invalid
    // value can never reach a provider. `main.ts` validates once more before anything starts, to
    // fail with a plain message; `validate` here would throw at import time instead.
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [
        httpConfig,
        loggingConfig,
        databaseConfig,
        checkoutConfig,
        adyenConfig,
        providerBreakerConfig,
        securityConfig,
        jobsConfig,
        eventsConfig,
        claimsConfig,
        strategyConfig,
      ],
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
      dataSourceFactory: (options) =>
        guardedDataSource(options!, (error) =>
          new Logger('Database').warn({ msg: 'database connection lost', error: error.message }),
        ),
    }),
    LoggingModule,
    HealthModule,
    MetricsModule,
    ProvidersModule,
    AuthenticationsModule,
    AnalyticsModule,
    BrowserReturnsModule,
    CheckoutInboundModule,
    AdyenInboundModule,
    TeamEventsModule,
    JobsModule,
    BrowserHelperModule,
    // Development only: never loaded unless DEMO_PAGE=true (refused in production).
    ConditionalModule.registerWhen(DemoModule, demoPageEnabled, { debug: false }),
  ],
  providers: [
    { provide: APP_PIPE, useFactory: validationPipe },
    // Order matters: Nest tries filters last-registered first, so DomainError is matched first
    // and the catch-all last.
    { provide: APP_FILTER, useClass: UnexpectedErrorFilter },
    { provide: APP_FILTER, useClass: HttpExceptionFilter },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
})
export class AppModule {}
