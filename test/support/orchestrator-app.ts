import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { App } from 'supertest/types.js';
import { AppModule } from '../../apps/orchestrator/src/app.module.js';
import {
  checkoutConfig,
  type CheckoutConfig,
} from '../../apps/orchestrator/src/config/checkout.config.js';
import {
  claimsConfig,
  type ClaimsConfig,
} from '../../apps/orchestrator/src/config/claims.config.js';
import {
  databaseConfig,
  type DatabaseConfig,
} from '../../apps/orchestrator/src/config/database.config.js';
import { adyenConfig, type AdyenConfig } from '../../apps/orchestrator/src/config/adyen.config.js';
import { httpConfig } from '../../apps/orchestrator/src/config/http.config.js';
import {
  eventsConfig,
  type EventsConfig,
} from '../../apps/orchestrator/src/config/events.config.js';
import { jobsConfig, type JobsConfig } from '../../apps/orchestrator/src/config/jobs.config.js';
import { loggingConfig } from '../../apps/orchestrator/src/config/logging.config.js';
import {
  providerBreakerConfig,
  type ProviderBreakerConfig,
} from '../../apps/orchestrator/src/config/provider-breaker.config.js';
import {
  securityConfig,
  type SecurityConfig,
} from '../../apps/orchestrator/src/config/security.config.js';
import {
  strategyConfig,
  type StrategyConfig,
} from '../../apps/orchestrator/src/config/strategy.config.js';
import {
  configureHttpServer,
  createFastifyAdapter,
} from '../../apps/orchestrator/src/http-server.js';
import { LogSink } from '../../apps/orchestrator/src/logging/log-sink.js';
import { testLogSink, type LogCapture } from './file-logger.js';
import { freePort } from './free-port.js';
import {
  aCheckoutConfig,
  anAdyenConfig,
  aClaimsConfig,
  aDatabaseConfig,
  aJobsConfig,
  aLoggingConfig,
  anEventsConfig,
  aProviderBreakerConfig,
  anHttpConfig,
  aSecurityConfig,
  aStrategyConfig,
} from './test-config.js';

export interface OrchestratorUnderTest {
  readonly app: NestFastifyApplication;
  /** For supertest: `request(sut.http)`. */
  readonly http: App;
  /** Base URL over real HTTP (Checkout's callbacks and the browser pages reach it here). */
  readonly url: string;
  /** Every route Fastify serves, as registered (`GET /v1/authentications/:id`), HEAD aside. */
  readonly routes: readonly string[];
  close(): Promise<void>;
}

/**
 * The real AppModule on Fastify, on this worker's database. Only the config namespaces are
 * replaced, so pipes, filters and modules behave exactly as in production.
 */
export async function startOrchestrator(
  config: {
    database?: Partial<DatabaseConfig>;
    checkout?: Partial<CheckoutConfig>;
    adyen?: Partial<AdyenConfig>;
    breaker?: Partial<ProviderBreakerConfig>;
    security?: Partial<SecurityConfig>;
    jobs?: Partial<JobsConfig>;
    events?: Partial<EventsConfig>;
    claims?: Partial<ClaimsConfig>;
    strategy?: Partial<StrategyConfig>;
    /** Receives every log line the app writes, unscrubbed (a CapturedLogger). */
    logger?: LogCapture;
    /** Listen here (default: a free port). */
    port?: number;
  } = {},
): Promise<OrchestratorUnderTest> {
  const port = config.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(httpConfig.KEY)
    .useValue(anHttpConfig())
    .overrideProvider(loggingConfig.KEY)
    .useValue(aLoggingConfig())
    .overrideProvider(LogSink)
    .useValue(testLogSink)
    .overrideProvider(databaseConfig.KEY)
    .useValue(aDatabaseConfig(config.database))
    .overrideProvider(checkoutConfig.KEY)
    .useValue(aCheckoutConfig(config.checkout))
    .overrideProvider(adyenConfig.KEY)
    .useValue(anAdyenConfig(config.adyen))
    .overrideProvider(providerBreakerConfig.KEY)
    .useValue(aProviderBreakerConfig(config.breaker))
    .overrideProvider(jobsConfig.KEY)
    .useValue(aJobsConfig(config.jobs))
    .overrideProvider(eventsConfig.KEY)
    .useValue(anEventsConfig(config.events))
    .overrideProvider(claimsConfig.KEY)
    .useValue(aClaimsConfig(config.claims))
    .overrideProvider(strategyConfig.KEY)
    .useValue(aStrategyConfig(config.strategy))
    .overrideProvider(securityConfig.KEY)
    .useValue(aSecurityConfig({ callbackBaseUrl: url, browserBaseUrl: url, ...config.security }))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
    rawBody: true,
    bufferLogs: true,
  });
  if (config.logger) testLogSink.captures.add(config.logger);
  const routes = collectRoutes(app);
  await configureHttpServer(app, app.get<SecurityConfig>(securityConfig.KEY));
  await app.listen(port, '127.0.0.1');
  const close = async () => {
    await app.close();
    if (config.logger) testLogSink.captures.delete(config.logger);
  };
  return { app, http: app.getHttpServer() as App, url, routes, close };
}

/** Routes are registered from here on (plugins, controllers at listen), so none is missed. */
function collectRoutes(app: NestFastifyApplication): readonly string[] {
  const routes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', ({ method, url }) => {
      for (const one of [method].flat()) if (one !== 'HEAD') routes.push(`${one} ${url}`);
    });
  return routes;
}
