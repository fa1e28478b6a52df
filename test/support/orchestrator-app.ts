import type { LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { App } from 'supertest/types.js';
import { AppModule } from '../../apps/orchestrator/src/app.module.js';
import {
  checkoutConfig,
  type CheckoutConfig,
} from '../../apps/orchestrator/src/config/checkout.config.js';
import {
  databaseConfig,
  type DatabaseConfig,
} from '../../apps/orchestrator/src/config/database.config.js';
import { httpConfig } from '../../apps/orchestrator/src/config/http.config.js';
import {
  eventsConfig,
  type EventsConfig,
} from '../../apps/orchestrator/src/config/events.config.js';
import { jobsConfig, type JobsConfig } from '../../apps/orchestrator/src/config/jobs.config.js';
import {
  securityConfig,
  type SecurityConfig,
} from '../../apps/orchestrator/src/config/security.config.js';
import {
  configureHttpServer,
  createFastifyAdapter,
} from '../../apps/orchestrator/src/http/http-server.js';
import { ScrubbingLogger } from '../../apps/orchestrator/src/logging/scrubbing-logger.js';
import { FileLogger, LOG_DIR_KEY, TeeLogger, workerLogFile } from './file-logger.js';
import { freePort } from './free-port.js';
import {
  aCheckoutConfig,
  aDatabaseConfig,
  aJobsConfig,
  anEventsConfig,
  anHttpConfig,
  aSecurityConfig,
} from './test-config.js';

export interface OrchestratorUnderTest {
  readonly app: NestFastifyApplication;
  /** For supertest: `request(sut.http)`. */
  readonly http: App;
  /** Base URL over real HTTP (Checkout's callbacks and the browser pages reach it here). */
  readonly url: string;
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
    security?: Partial<SecurityConfig>;
    jobs?: Partial<JobsConfig>;
    events?: Partial<EventsConfig>;
    /** Receives every log line the app writes (default: none are written). */
    logger?: LoggerService;
    /** Listen here (default: a free port). */
    port?: number;
  } = {},
): Promise<OrchestratorUnderTest> {
  const port = config.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(httpConfig.KEY)
    .useValue(anHttpConfig())
    .overrideProvider(databaseConfig.KEY)
    .useValue(aDatabaseConfig(config.database))
    .overrideProvider(checkoutConfig.KEY)
    .useValue(aCheckoutConfig(config.checkout))
    .overrideProvider(jobsConfig.KEY)
    .useValue(aJobsConfig(config.jobs))
    .overrideProvider(eventsConfig.KEY)
    .useValue(anEventsConfig(config.events))
    .overrideProvider(securityConfig.KEY)
    .useValue(aSecurityConfig({ publicUrl: url, ...config.security }))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
    rawBody: true,
    logger: withLeakScanCopy(config.logger),
  });
  await configureHttpServer(app, app.get<SecurityConfig>(securityConfig.KEY));
  await app.listen(port, '127.0.0.1');
  return { app, http: app.getHttpServer() as App, url, close: () => app.close() };
}

/**
 * An app under test logs the way production does (through the scrubber) into this worker's log
 * file, which the leak scan reads at the end of the run; a spec's own logger gets every line too,
 * unscrubbed, so its assertions see what the code wrote.
 */
function withLeakScanCopy(own: LoggerService | undefined): LoggerService | false {
  const dir = process.env[LOG_DIR_KEY];
  const file = dir ? new ScrubbingLogger(new FileLogger(workerLogFile(dir))) : undefined;
  if (!own) return file ?? false;
  return file ? new TeeLogger([own, file]) : own;
}
