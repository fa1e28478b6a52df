import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { validateSimulatorEnvironment } from './config/simulator.environment.js';
import { SimulatorModule } from './simulator.module.js';

const logger = new Logger('CheckoutSimulator');

async function bootstrap(): Promise<void> {
  const env = validateSimulatorEnvironment(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(
    SimulatorModule,
    new FastifyAdapter(),
    {
      rawBody: true,
      abortOnError: false,
      logger: new ConsoleLogger({ json: env.LOG_FORMAT === 'json' }),
    },
  );
  app.enableShutdownHooks();
  await app.listen(env.PORT, env.HOST);
  logger.log(`Checkout simulator listening on ${await app.getUrl()}`);
}

bootstrap().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
