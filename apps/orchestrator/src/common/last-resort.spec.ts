import { EventEmitter } from 'node:events';
import { installLastResortHandlers, type ProcessLike } from './last-resort.js';

class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`exit(${code})`);
  }
}

/** A stand-in for `process`: its events are ours to emit, its exit is recorded. */
function aProcess() {
  const events = new EventEmitter();
  const exits: number[] = [];
  const lines: { level: string; line: Record<string, unknown> }[] = [];
  const target = {
    on: (event: string, listener: (value: unknown) => void) => events.on(event, listener),
    exit: (code: number) => {
      exits.push(code);
      throw new ExitCalled(code);
    },
  } as unknown as ProcessLike;
  const record = (level: string) => (line: Record<string, unknown>) => lines.push({ level, line });
  const logger = { log: record('log'), warn: record('warn'), error: record('error') };
  installLastResortHandlers(target, logger);
  const emit = (event: string, value: unknown) => {
    try {
      events.emit(event, value);
    } catch (error) {
      if (!(error instanceof ExitCalled)) throw error;
    }
  };
  return { emit, exits, lines };
}

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('last-resort handlers', () => {
  it('logs an unhandled lost database connection in one line and carries on', () => {
    const process = aProcess();
    process.emit('unhandledRejection', refused());
    process.emit(
      'unhandledRejection',
      new AggregateError([refused()], 'Errors occurred whilst terminating queue'),
    );
    expect(process.exits).toEqual([]);
    expect(process.lines).toEqual([
      {
        level: 'warn',
        line: { msg: 'unhandled database failure; continuing', reason: 'connection refused' },
      },
      {
        level: 'warn',
        line: { msg: 'unhandled database failure; continuing', reason: 'connection refused' },
      },
    ]);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a query error', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a non-error', 'just a string'],
  ])('exits 1 after one line on any other unhandled rejection: %s', (_name, reason) => {
    const process = aProcess();
    process.emit('unhandledRejection', reason);
    expect(process.exits).toEqual([1]);
    expect(process.lines).toHaveLength(1);
    expect(process.lines[0]).toMatchObject({
      level: 'error',
      line: { msg: 'unhandled rejection; exiting' },
    });
  });

  it('exits 1 on an uncaught exception, a lost database connection included', () => {
    const process = aProcess();
    process.emit('uncaughtException', refused());
    expect(process.exits).toEqual([1]);
    expect(process.lines).toEqual([
      {
        level: 'error',
        line: expect.objectContaining({
          msg: 'uncaught exception; exiting',
          error: 'Error',
          code: 'ECONNREFUSED',
        }),
      },
    ]);
  });

  it('never logs the error message, which can quote values', () => {
    const process = aProcess();
    process.emit('uncaughtException', new Error('value 4242424242424242 in SQL'));
    expect(JSON.stringify(process.lines)).not.toContain('4242424242424242');
    expect(process.lines[0].line.at).toEqual(expect.stringContaining('last-resort.spec'));
  });
});
