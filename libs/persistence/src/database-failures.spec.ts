import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { databaseFailureReason, isDatabaseUnavailable } from './database-failures.js';

/** What node-postgres raises when the server answers with an ErrorResponse. */
const serverError = (code: string, message = 'server said no'): DatabaseError =>
  Object.assign(new DatabaseError(message, message.length, 'error'), { code });
const socketError = (code: string): Error =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
const viaTypeOrm = (driverError: Error): QueryFailedError =>
  new QueryFailedError('SELECT 1', [], driverError);

describe('database failures', () => {
  it.each([
    ['ECONNREFUSED', socketError('ECONNREFUSED'), 'connection refused'],
    ['ECONNRESET', socketError('ECONNRESET'), 'connection lost'],
    ['ETIMEDOUT', socketError('ETIMEDOUT'), 'timeout'],
    ['EHOSTUNREACH', socketError('EHOSTUNREACH'), 'host unreachable'],
    ['terminated', new Error('Connection terminated unexpectedly'), 'connection lost'],
    ['connect timeout', new Error('Connection terminated due to connection timeout'), 'timeout'],
    ['pool timeout', new Error('timeout exceeded when trying to connect'), 'timeout'],
    [
      'not queryable',
      new Error('Client has encountered a connection error and is not queryable'),
      'connection lost',
    ],
    [
      '57P01',
      serverError('57P01', 'terminating connection due to administrator command'),
      'connection lost',
    ],
    ['57P02', serverError('57P02'), 'connection lost'],
    [
      '57P03',
      serverError('57P03', 'the database system is starting up'),
      'not accepting connections',
    ],
    ['53300', serverError('53300', 'sorry, too many clients already'), 'too many connections'],
    ['08006', serverError('08006'), 'connection failure'],
    ['08P01', serverError('08P01'), 'connection failure'],
    ['57P01 through TypeORM', viaTypeOrm(serverError('57P01')), 'connection lost'],
    [
      'terminated through TypeORM',
      viaTypeOrm(new Error('Connection terminated unexpectedly')),
      'connection lost',
    ],
    [
      'a cause',
      new Error('job failed', { cause: socketError('ECONNREFUSED') }),
      'connection refused',
    ],
    [
      'AggregateError of them',
      new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNRESET')]),
      'connection refused',
    ],
  ])('%s is a connection-level failure', (_name, error, reason) => {
    expect(databaseFailureReason(error)).toBe(reason);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', serverError('23505', 'duplicate key value')],
    ['a serialization failure', serverError('40001')],
    ['a deadlock', serverError('40P01')],
    ['a syntax error', serverError('42601')],
    ['a statement timeout', serverError('57014', 'canceling statement due to statement timeout')],
    ['a constraint error through TypeORM', viaTypeOrm(serverError('23514'))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a plain error', new Error('boom')],
    ['an error whose message only mentions a connection', new Error('no Connection terminated')],
    [
      'an AggregateError with one other error',
      new AggregateError([socketError('ECONNREFUSED'), new Error('boom')]),
    ],
    ['an empty AggregateError', new AggregateError([])],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('not one: %s', (_name, error) => {
    expect(databaseFailureReason(error)).toBeUndefined();
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops at a cycle of causes', () => {
    const looped: Error & { cause?: unknown } = new Error('outer');
    looped.cause = looped;
    expect(databaseFailureReason(looped)).toBeUndefined();
  });
});
