import { maskCardNumbers } from '@app/domain';
import type { LoggerService, LogLevel } from '@nestjs/common';

type LogMethod = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/**
 * The last line of defence: every string that reaches the log, in messages, objects, errors and
 * stacks alike, has its card-like digit runs (13–19 digits, Luhn-valid) masked before the wrapped
 * logger writes it. Redacting fields by name is the first line; this catches what slips past.
 */
export class ScrubbingLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    this.forward('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.forward('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.forward('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.forward('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.forward('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.forward('fatal', message, params);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.inner.setLogLevels?.(levels);
  }

  private forward(method: LogMethod, message: unknown, params: unknown[]): void {
    const write = this.inner[method]?.bind(this.inner) ?? this.inner.log.bind(this.inner);
    write(scrub(message), ...params.map(scrub));
  }
}

/** A copy of `value` with card-like runs masked in every string; shared structure is safe. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskCardNumbers(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 8) return '[too deep to log]';
  if (value instanceof Error) {
    const copy = new Error(maskCardNumbers(value.message), {
      cause: value.cause === undefined ? undefined : scrub(value.cause, depth + 1),
    });
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : maskCardNumbers(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]),
  );
}
