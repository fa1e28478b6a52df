import { StartUpInventoryAtDebug } from '@app/common';
import { Global, Module, RequestMethod, type LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, LoggerModule, PinoLogger, type Params } from 'nestjs-pino';
import { loggingConfig, type LoggingConfig } from '../config/logging.config.js';
import { LogSink, stdoutLogSink } from './log-sink.js';
import { pinoHttpOptions, rememberRoute } from './pino-http.options.js';
import { RequestContext } from './request-context.js';

/**
 * nestjs-pino: JSON lines (pretty on request), one access line per request, and every line
 * written while a request is handled carrying its id.
 */
@Global()
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [loggingConfig.KEY, LogSink],
      providers: [
        {
          provide: LogSink,
          inject: [loggingConfig.KEY],
          useFactory: (config: LoggingConfig) => stdoutLogSink(config.format),
        },
      ],
      useFactory: (config: LoggingConfig, sink: LogSink): Params => ({
        pinoHttp: [pinoHttpOptions(config.level), sink],
        // nestjs-pino's default pattern, `{/*splat}`, matches no request on Nest 12's Fastify
        // adapter: this one matches every path, unknown ones included.
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
      }),
    }),
  ],
  providers: [RequestContext],
  exports: [RequestContext],
})
export class LoggingModule {}

/** Nest's own loggers write through pino; the access line learns each request's route pattern. */
export function useRequestLogging(app: NestFastifyApplication): void {
  app.useLogger(new StartUpInventoryAtDebug(app.get(Logger)));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      rememberRoute(request.raw, request.routeOptions.url);
      done();
    });
}

/**
 * For the lines written before the app exists (embedded PostgreSQL, start-up failures): the
 * pino the app goes on using (nestjs-pino builds its root logger once, on first use).
 */
export async function bootstrapLogger(config: LoggingConfig): Promise<LoggerService> {
  const params: Params = {
    pinoHttp: [pinoHttpOptions(config.level), await stdoutLogSink(config.format)],
  };
  return new StartUpInventoryAtDebug(new Logger(new PinoLogger(params), params));
}
