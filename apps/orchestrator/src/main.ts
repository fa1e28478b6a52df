import { EnvironmentValidationError } from '@app/common';
import { EmbeddedPostgresServer } from '@app/persistence';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { installLastResortHandlers } from './common/last-resort.js';
import { bootstrapLogger } from './logging/logging.module.js';
import { logStartUpRefusal } from './logging/start-up-refusal.js';
import { securityConfig, type SecurityConfig } from './config/security.config.js';
import { configureHttpServer, createFastifyAdapter } from './http-server.js';
import {
  browserBaseUrl,
  validateOrchestratorEnvironment,
  type OrchestratorEnvironment,
} from './config/orchestrator.environment.js';

const logger = new Logger('Orchestrator');

async function bootstrap(): Promise<void> {
  const env = validateOrchestratorEnvironment(process.env, { execArgv: process.execArgv });
  Logger.overrideLogger(await bootstrapLogger({ format: env.LOG_FORMAT, level: env.LOG_LEVEL }));
  installLastResortHandlers(process, new Logger('LastResort'));
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedDatabase(env);
  let app: NestFastifyApplication | undefined;
  try {
    const adapter = createFastifyAdapter({ trustedProxyHops: env.TRUSTED_PROXY_HOPS });
    app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
      rawBody: true,
      abortOnError: false,
    });
    const running = app;
    stopOnSignals(async () => {
      // Requests still in flight finish; keep-alive connections that fall idle meanwhile (a
      // webhook sender's pool) are closed at once instead of holding the shutdown open.
      const server = running.getHttpServer();
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      await running.close().finally(() => clearInterval(sweep));
      await embedded?.stop();
    });
    await configureHttpServer(app, app.get<SecurityConfig>(securityConfig.KEY));
    await app.listen(env.PORT, env.HOST);
  } catch (error) {
    await app?.close();
    await embedded?.stop();
    throw error;
  }
  const database = embedded ? `embedded PostgreSQL on port ${embedded.port}` : 'DATABASE_URL';
  logger.log(`Orchestrator listening on ${await app.getUrl()} (database: ${database})`);
  if (env.DEMO_PAGE) logger.log(`Demo checkout page: ${browserBaseUrl(env)}/`);
}

async function startEmbeddedDatabase(
  env: OrchestratorEnvironment,
): Promise<EmbeddedPostgresServer> {
  const options = {
    dataDir: env.EMBEDDED_POSTGRES_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    // stopOnSignals stops it, after the app's connections are closed.
    ownProcessGroup: true,
  };
  logger.log(`DATABASE_URL not set: starting embedded PostgreSQL (${options.dataDir})`);
  const server = await EmbeddedPostgresServer.start(options);
  if (server.dataDir !== resolve(options.dataDir)) {
    logger.warn(
      `The postgres account cannot reach ${options.dataDir} (a private directory): its data lives in ${server.dataDir}`,
    );
  }
  // Config factories read process.env; this URL is the one value that exists only at run time.
  process.env.DATABASE_URL = await server.ensureDatabase('orchestrator');
  return server;
}

/** Orderly shutdown: stop taking requests, close the pool, then stop the embedded database. */
function stopOnSignals(shutdown: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal} received, shutting down`);
      shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`Shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
    });
  }
}

bootstrap().catch(async (error: unknown) => {
  if (error instanceof EnvironmentValidationError) await logStartUpRefusal(error, process.env);
  else logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
