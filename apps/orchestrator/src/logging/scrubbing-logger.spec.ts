import type { LoggerService } from '@nestjs/common';
import { scrub, ScrubbingLogger } from './scrubbing-logger.js';

describe('scrubbing logger', () => {
  it('masks card numbers in strings, objects, arrays and errors', () => {
    const error = new Error('duplicate key (reference)=(4242424242424242)');
    const scrubbed = scrub({
      msg: 'pan 4485 0403 7153 6584',
      nested: [{ reference: 'ORDER-4556085951507152' }],
      error,
      count: 4242424242424242,
    }) as Record<string, unknown>;
    const text =
      JSON.stringify({ ...scrubbed, count: 0 }) + String((scrubbed.error as Error).stack);
    expect(text).not.toMatch(/4242424242424242|4485 0403 7153 6584/);
    expect(scrubbed.msg).toBe('pan [card …6584]');
    expect(scrubbed.count).toBe(4242424242424242); // numbers are ours (ids, timings), not input
  });

  it('hands the scrubbed message and context to the wrapped logger', () => {
    const seen: unknown[][] = [];
    const inner: LoggerService = {
      log: (...args: unknown[]) => seen.push(args),
      error: () => undefined,
      warn: (...args: unknown[]) => seen.push(args),
    };
    const logger = new ScrubbingLogger(inner);
    logger.warn({ msg: 'card 5588686116426417' }, 'Context');
    expect(seen).toEqual([[{ msg: 'card [card …6417]' }, 'Context']]);
  });
});
