import { EnvironmentValidationError, StartUpInventoryAtDebug } from '@app/common';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { validateSimulatorEnvironment } from './config/simulator.environment.js';
import { logEveryRequest } from './http/access-log.js';
import { SimulatorModule } from './simulator.module.js';

const logger = new Logger('CheckoutSimulator');

async function bootstrap(): Promise<void> {
  const env = validateSimulatorEnvironment(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(
    SimulatorModule,
    new FastifyAdapter(),
    { rawBody: true, abortOnError: false, logger: consoleLogger(env.LOG_FORMAT === 'json') },
  );
  logEveryRequest(app.getHttpAdapter().getInstance());
  app.enableShutdownHooks();
  await app.listen(env.PORT, env.HOST);
  logger.log(`Checkout simulator listening on ${await app.getUrl()}`);
}

/** Nest's console logger; debug (where Nest's start-up inventory goes) is not printed. */
function consoleLogger(json: boolean): StartUpInventoryAtDebug {
  return new StartUpInventoryAtDebug(
    new ConsoleLogger({ json, logLevels: ['log', 'warn', 'error', 'fatal'] }),
  );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof EnvironmentValidationError) {
    // Before Nest exists: one entry naming each refused setting (never its value).
    const json = process.env.LOG_FORMAT === 'json';
    Logger.overrideLogger(consoleLogger(json));
    logger.fatal(json ? { msg: error.message, problems: error.problems } : error.message);
  } else {
    logger.error(error instanceof Error ? error.message : String(error));
  }
  process.exit(1);
});
