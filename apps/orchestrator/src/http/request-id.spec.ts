import { requestIdFor } from './request-id.js';

const OURS = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('X-Request-Id', () => {
  it.each([
    'trace-0001-abc',
    '4c3d1234-5678-4012-8456-7890abcdef12',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'ORDER-1732550400000',
    'req:2026-11-25T10:00:00.000Z',
    'job.7.retry_2',
  ])('echoes %s', (given) => {
    expect(requestIdFor(given)).toBe(given);
  });

  it.each([
    ['a space', 'trace 0001 abc'],
    ['too short', 'abc1234'],
    ['too long', 'x'.repeat(65)],
    ['a non-ASCII character', 'trace-0001-\u00e9t\u00e9'],
    ['a card number', 'req-4485040371536584'],
    ['a card number with dots', '4485.0403.7153.6584'],
    ['a card number with hyphens', 'ORDER-4485-0403-7153-6584'],
    ['a card number with underscores', 'ref_4485_0403_7153_6584'],
    ['a card number with colons around', 'pan:4485040371536584:x'],
    ['no header', undefined],
    ['a repeated header', ['trace-0001-abc', 'trace-0002-abc']],
  ])('replaces one with %s by our own', (_case, given) => {
    expect(requestIdFor(given)).toMatch(OURS);
  });
});
