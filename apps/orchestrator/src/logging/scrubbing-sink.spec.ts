import { scrubLogLine, ScrubbingSink } from './scrubbing-sink.js';

describe('scrubbing sink', () => {
  it('masks card numbers in messages, fields, arrays and keys, keeping the line JSON', () => {
    const line = `${JSON.stringify({
      level: 'error',
      time: 4242424242424242, // a number: ours, never input
      msg: 'pan 4485 0403 7153 6584',
      err: { stack: 'Error: duplicate key (reference)=(4242424242424242)\n    at x' },
      nested: [{ reference: 'ORDER-4556085951507152' }],
      '5588686116426417': 'key',
    })}\n`;

    const scrubbed = scrubLogLine(line);

    expect(scrubbed.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(scrubbed);
    expect(JSON.stringify({ ...parsed, time: 0 })).not.toMatch(
      /4485 0403 7153 6584|4242424242424242|4556085951507152|5588686116426417/,
    );
    expect(parsed).toMatchObject({
      time: 4242424242424242,
      msg: 'pan [card …6584]',
      nested: [{ reference: 'ORDER-[card …7152]' }],
      '[card …6417]': 'key',
    });
  });

  it.each([
    ['dots', '4485.0403.7153.6584'],
    ['tabs (escaped in JSON)', '4485\t0403\t7153\t6584'],
    ['no-break spaces', '4485\u00a00403\u00a07153\u00a06584'],
    ['fullwidth digits', '\uff14\uff14\uff18\uff150403 7153 6584'],
    ['zero-width spaces', 'ref-4485\u200b0403\u200b7153\u200b6584'],
  ])('masks a card number spelt with %s', (_case, spelt) => {
    const raw = `${JSON.stringify({ msg: `x ${spelt}` })}\n`;
    const escaped = `${JSON.stringify({ msg: `x ${spelt}` }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
    for (const line of [raw, escaped]) {
      expect(JSON.parse(scrubLogLine(line)).msg).toMatch(/^x (ref-)?\[card …6584\]$/);
    }
  });

  it('passes a clean line through as it is, and masks a line that is not JSON', () => {
    const clean = '{"level":"info","msg":"order 12345, uuid 3f2a-4485-0403"}\n';
    expect(scrubLogLine(clean)).toBe(clean);
    const timestamp =
      '{"time":"2026-11-25T10:00:00.000Z","msg":"ORDER-1732550400000\\tA\\u00e9"}\n';
    expect(scrubLogLine(timestamp)).toBe(timestamp);
    expect(scrubLogLine('not json 4242424242424242\n')).toBe('not json [card …4242]\n');
  });

  it('hands the scrubbed line to the wrapped destination', () => {
    const written: string[] = [];
    new ScrubbingSink({ write: (line) => written.push(line) }).write(
      '{"msg":"5588686116426417"}\n',
    );
    expect(written).toEqual(['{"msg":"[card …6417]"}\n']);
  });
});
