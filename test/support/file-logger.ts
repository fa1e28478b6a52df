import { ConsoleLogger } from '@nestjs/common';
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
