import { InvalidRequestError } from '@app/domain';
import { analyticsWindow } from './analytics-window.js';

const NOW = new Date('2026-03-02T12:00:00Z');

describe('analytics window', () => {
  it('is the last 24 hours by default', () => {
    expect(analyticsWindow({}, NOW)).toEqual({ from: new Date('2026-03-01T12:00:00Z'), to: NOW });
  });

  it('ends at `to` and starts 24 hours before it when only `to` is given', () => {
    expect(analyticsWindow({ to: '2026-02-10T00:00:00Z' }, NOW)).toEqual({
      from: new Date('2026-02-09T00:00:00Z'),
      to: new Date('2026-02-10T00:00:00Z'),
    });
  });

  it('takes both ends as given, offsets and dates alone included', () => {
    expect(analyticsWindow({ from: '2026-02-01', to: '2026-03-01T01:00:00+01:00' }, NOW)).toEqual({
      from: new Date('2026-02-01T00:00:00Z'),
      to: new Date('2026-03-01T00:00:00Z'),
    });
  });

  it.each([
    [{ from: '2026-03-02T12:00:00Z' }, 'from', 'must be before to'],
    [{ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'from', 'must be before to'],
    [
      { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:01Z' },
      'to',
      'must be at most 31 days after from',
    ],
    [{ from: '1999-12-31T00:00:00Z' }, 'from', expect.stringMatching(/^must be an ISO 8601/)],
    [{ to: '2026-W05' }, 'to', expect.stringMatching(/^must be an ISO 8601/)],
  ])('refuses %j: %s %s', (query, param, message) => {
    const refusal = (() => {
      try {
        analyticsWindow(query, NOW);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidRequestError);
    expect((refusal as InvalidRequestError).details).toEqual({ errors: [{ param, message }] });
  });

  it('takes a window of exactly 31 days', () => {
    const window = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
    expect(analyticsWindow(window, NOW).to).toEqual(new Date(window.to));
  });
});
