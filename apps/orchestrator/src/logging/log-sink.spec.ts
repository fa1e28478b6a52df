import { Writable } from 'node:stream';
import pretty from 'pino-pretty';
import { PRETTY_OPTIONS } from './log-sink.js';

function prettyLinesOf(entry: Record<string, unknown>): string[] {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const stream = pretty({ ...PRETTY_OPTIONS, colorize: false, destination, sync: true });
  stream.write(`${JSON.stringify({ level: 40, time: 0, ...entry })}\n`);
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('pretty log lines', () => {
  it.each([
    ['a string error', { error: 'ECONNREFUSED' }],
    ['an error object', { err: { type: 'Error', message: 'connect refused', code: 'E' } }],
    ['nested fields', { route: '/health/ready', status: 503, reason: { database: 'down' } }],
  ])('prints an entry with %s on one line', (_name, fields) => {
    const lines = prettyLinesOf({ msg: 'job queue connection lost', context: 'Jobs', ...fields });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN: \[Jobs\] job queue connection lost \{/);
  });
});
