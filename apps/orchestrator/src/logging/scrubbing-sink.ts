import { findCardNumbers, maskCardNumbers, maskCardNumbersIn } from '@app/domain';
import type { DestinationStream } from 'pino';

/**
 * The last line of defence, between pino and the output: every string in a log line (message,
 * fields, error stacks) has its card numbers masked, in any spelling (the domain's detector,
 * docs/card-data.md). Redacting fields by name is the first line; this catches what slips past
 * under another name.
 */
export class ScrubbingSink implements DestinationStream {
  constructor(private readonly inner: DestinationStream) {}

  write(line: string): void {
    this.inner.write(scrubLogLine(line));
  }
}

/**
 * JSON escapes that could stand for a separator or a digit (`\t`, `\/`, `\uXXXX`): only a line
 * holding one has to be parsed before it can be searched.
 */
const ESCAPED_SEPARATOR_OR_DIGIT = /\\[tu/]/;

/** One pino line (JSON plus a newline), with card numbers masked in its strings. */
export function scrubLogLine(line: string): string {
  if (!ESCAPED_SEPARATOR_OR_DIGIT.test(line) && findCardNumbers(line).length === 0) return line;
  try {
    const parsed: unknown = JSON.parse(line);
    const scrubbed = maskCardNumbersIn(parsed);
    return scrubbed === parsed ? line : `${JSON.stringify(scrubbed)}\n`;
  } catch {
    return maskCardNumbers(line);
  }
}
