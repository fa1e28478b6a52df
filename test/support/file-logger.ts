import { ConsoleLogger, type LoggerService, type LogLevel } from '@nestjs/common';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where every e2e worker's orchestrator logs go, for the leak scan at the end of the run. */
export const LOG_DIR_KEY = 'E2E_LOG_DIR';

export const workerLogFile = (dir: string): string =>
  join(dir, `worker-${process.env.JEST_WORKER_ID ?? '1'}.log`);

/** A JSON ConsoleLogger that appends every line to this worker's log file instead of stdout. */
export class FileLogger extends ConsoleLogger {
  constructor(private readonly file: string) {
    super({ json: true, logLevels: ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'] });
  }

  protected override printMessages(messages: unknown[], context?: string, logLevel?: string): void {
    const lines = messages.map((message) => JSON.stringify({ level: logLevel, context, message }));
    appendFileSync(this.file, `${lines.join('\n')}\n`);
  }
}

/** Hands every call to each of several loggers. */
export class TeeLogger implements LoggerService {
  constructor(private readonly loggers: readonly LoggerService[]) {}

  log(message: unknown, ...params: unknown[]): void {
    this.loggers.forEach((logger) => logger.log(message, ...params));
  }

  error(message: unknown, ...params: unknown[]): void {
    this.loggers.forEach((logger) => logger.error(message, ...params));
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.loggers.forEach((logger) => logger.warn(message, ...params));
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.loggers.forEach((logger) => logger.debug?.(message, ...params));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.loggers.forEach((logger) => logger.verbose?.(message, ...params));
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.loggers.forEach((logger) => logger.fatal?.(message, ...params));
  }

  setLogLevels(levels: LogLevel[]): void {
    this.loggers.forEach((logger) => logger.setLogLevels?.(levels));
  }
}
