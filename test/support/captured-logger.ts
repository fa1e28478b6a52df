import type { LogCapture } from './file-logger.js';

/** One pino line, parsed: the fields every line has, and whatever the code logged. */
export interface LogEntry {
  readonly level: string;
  readonly msg?: string;
  readonly context?: string;
  readonly request_id?: string;
  readonly [field: string]: unknown;
}

/**
 * Every JSON line the orchestrator under test writes, kept in memory as written (redacted, but
 * before the card-number scrubber: a spec sees what the code logged).
 */
export class CapturedLogger implements LogCapture {
  readonly lines: string[] = [];

  write(chunk: string): void {
    this.lines.push(...chunk.split('\n').filter((line) => line.length > 0));
  }

  entries(): LogEntry[] {
    return this.lines.map((line) => JSON.parse(line) as LogEntry);
  }
}
