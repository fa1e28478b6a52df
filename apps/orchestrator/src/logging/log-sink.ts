import type { LogFormat } from '@app/common';
import { pino, type DestinationStream } from 'pino';
import { ScrubbingSink } from './scrubbing-sink.js';

/** Where the orchestrator's JSON log lines go (stdout in production; the tests capture them). */
export abstract class LogSink implements DestinationStream {
  abstract write(line: string): void;
}

const sinks = new Map<LogFormat, Promise<LogSink>>();

const STDOUT_BATCH_BYTES = 4096;
const STDOUT_FLUSH_MS = 100;

/**
 * Standard output, through the card-number scrubber: JSON lines, or pino-pretty's lines when
 * asked for and installed (a dev dependency: production images fall back to JSON). One per
 * format and process, so the bootstrap logger and the app share it.
 */
export function stdoutLogSink(format: LogFormat): Promise<LogSink> {
  let sink = sinks.get(format);
  if (!sink) {
    sink = openStdout(format).then((output) => new ScrubbingSink(output));
    sinks.set(format, sink);
  }
  return sink;
}

/** pino-pretty's options for `LOG_FORMAT=pretty`. */
export const PRETTY_OPTIONS = {
  // One line per entry: `[time] LEVEL: [context] message {other fields}` (stacks excepted).
  singleLine: true,
  // pino-pretty prints `err` / `error` fields on lines of their own even in single-line mode.
  errorLikeObjectKeys: [],
  ignore: 'pid,hostname,context',
  messageFormat: (entry: Record<string, unknown>, messageKey: string): string =>
    typeof entry.context === 'string'
      ? `[${entry.context}] ${String(entry[messageKey])}`
      : String(entry[messageKey]),
  translateTime: 'SYS:HH:MM:ss.l',
};

async function openStdout(format: LogFormat): Promise<DestinationStream> {
  // Asynchronous: a slow reader of stdout (a log shipper, a pipe) never stalls request handling.
  // Lines are written in batches of 4 kB, or every 100 ms, not one write(2) per line (a third
  // of what an answered duplicate callback cost); pino flushes what is pending when the process
  // exits, so only a SIGKILL loses the last 100 ms.
  const json = pino.destination({
    dest: 1,
    sync: false,
    minLength: STDOUT_BATCH_BYTES,
    periodicFlush: STDOUT_FLUSH_MS,
  });
  if (format === 'json') return json;
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({ ...PRETTY_OPTIONS, sync: true });
  } catch {
    pino(json).warn('LOG_FORMAT=pretty needs the pino-pretty dev dependency: logging JSON lines');
    return json;
  }
}
