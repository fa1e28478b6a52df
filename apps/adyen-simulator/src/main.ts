import { EnvironmentValidationError, StartUpInventoryAtDebug } from '@app/common';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AdyenSimulatorModule } from './adyen-simulator.module.js';
import { validateAdyenSimulatorEnvironment } from './config/adyen-simulator.environment.js';

const logger = new Logger('AdyenSimulator');

async function bootstrap(): Promise<void> {
  const env = validateAdyenSimulatorEnvironment(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(
    AdyenSimulatorModule,
    new FastifyAdapter(),
    { abortOnError: false, logger: consoleLogger(env.LOG_FORMAT === 'json') },
  );
  app.enableShutdownHooks();
  await app.listen(env.PORT, env.HOST);
  logger.log(`Adyen simulator listening on ${await app.getUrl()}`);
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
