import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where every e2e worker's orchestrator logs go, for the leak scan at the end of the run. */
export const LOG_DIR_KEY = 'E2E_LOG_DIR';

export const workerLogFile = (dir: string): string =>
  join(dir, `worker-${process.env.JEST_WORKER_ID ?? '1'}.log`);

/** Anything that takes pino's lines: a spec's CapturedLogger. */
export interface LogCapture {
  write(line: string): void;
}

/**
 * Where the orchestrators under test log: this worker's log file (the leak scan reads it) and
 * the captures of the specs running now, both unscrubbed: the scrubber is production's last line
 * of defence, and a card number it would have had to mask is a leak the scan must see. One per test file: nestjs-pino builds its root
 * logger once, with the first app's sink, and keeps it for the apps started after.
 */
class TestLogSink {
  readonly captures = new Set<LogCapture>();
  private readonly file = workerLogSink();

  write(line: string): void {
    this.captures.forEach((capture) => capture.write(line));
    this.file?.write(line);
  }
}

function workerLogSink(): LogCapture | undefined {
  const dir = process.env[LOG_DIR_KEY];
  if (!dir) return undefined;
  const file = workerLogFile(dir);
  return { write: (line) => appendFileSync(file, line) };
}

export const testLogSink = new TestLogSink();
