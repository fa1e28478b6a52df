import { ConsoleLogger } from '@nestjs/common';

/** A JSON ConsoleLogger that keeps every line in memory instead of printing it. */
export class CapturedLogger extends ConsoleLogger {
  readonly lines: string[] = [];

  constructor() {
    super({ json: true, logLevels: ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'] });
  }

  protected override printMessages(messages: unknown[], context?: string, logLevel?: string): void {
    for (const message of messages) {
      this.lines.push(JSON.stringify({ level: logLevel, context, message }));
    }
  }
}
