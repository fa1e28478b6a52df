import { findCardNumbers, maskCardNumbers } from '@app/domain';
import type { DestinationStream } from 'pino';

/**
 * The last line of defence, between pino and the output: every string in a log line (message,
 * fields, error stacks) has its card-like digit runs (13–19 digits, Luhn-valid) masked. Redacting
 * fields by name is the first line; this catches what slips past under another name.
 */
export class ScrubbingSink implements DestinationStream {
  constructor(private readonly inner: DestinationStream) {}

  write(line: string): void {
    this.inner.write(scrubLogLine(line));
  }
}

/** One pino line (JSON plus a newline), with card-like runs masked in its strings. */
export function scrubLogLine(line: string): string {
  // Digits are never escaped in JSON, so a line without a candidate run needs no parsing.
  if (findCardNumbers(line).length === 0) return line;
  try {
    return `${JSON.stringify(scrubStrings(JSON.parse(line)))}\n`;
  } catch {
    return maskCardNumbers(line);
  }
}

/** A copy of a JSON value with card-like runs masked in every string; numbers are ours (ids, times). */
export function scrubStrings(value: unknown): unknown {
  if (typeof value === 'string') return maskCardNumbers(value);
  if (Array.isArray(value)) return value.map(scrubStrings);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [maskCardNumbers(key), scrubStrings(item)]),
  );
}
