import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
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
import { aCheckoutConfig, aDatabaseConfig, anHttpConfig } from './test-config.js';

export interface OrchestratorUnderTest {
  readonly app: NestFastifyApplication;
  /** For supertest: `request(sut.http)`. */
  readonly http: App;
  close(): Promise<void>;
}

/**
 * The real AppModule on Fastify, on this worker's database. Only the config namespaces are
 * replaced, so pipes, filters and modules behave exactly as in production.
 */
export async function startOrchestrator(
  config: { database?: Partial<DatabaseConfig>; checkout?: Partial<CheckoutConfig> } = {},
): Promise<OrchestratorUnderTest> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(httpConfig.KEY)
    .useValue(anHttpConfig())
    .overrideProvider(databaseConfig.KEY)
    .useValue(aDatabaseConfig(config.database))
    .overrideProvider(checkoutConfig.KEY)
    .useValue(aCheckoutConfig(config.checkout))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    rawBody: true,
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, http: app.getHttpServer() as App, close: () => app.close() };
}
