import type { LoggerService } from '@nestjs/common';

/** Nest's start-up inventory: one line per module initialised, per controller, per route. */
const START_UP_INVENTORY = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * `inner`, with Nest's start-up inventory written at debug rather than info: some 80 lines a
 * start that nobody reads, kept for whoever asks for debug lines.
 */
export class StartUpInventoryAtDebug implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    // Nest's loggers pass their context as the last parameter.
    const context = params.at(-1);
    if (typeof context === 'string' && START_UP_INVENTORY.has(context)) {
      this.inner.debug?.(message, ...params);
    } else {
      this.inner.log(message, ...params);
    }
  }

  error(message: unknown, ...params: unknown[]): void {
    this.inner.error(message, ...params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.inner.warn(message, ...params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.inner.debug?.(message, ...params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.inner.verbose?.(message, ...params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.inner.fatal?.(message, ...params);
  }
}
