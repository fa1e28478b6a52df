import { randomUUID } from 'node:crypto';
import testCards from '../../../contracts/checkout/test-cards.json' with { type: 'json' };
import { CapturedLogger, type LogEntry } from '../../support/captured-logger.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { answerChallenge, formOf, postForm } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_A } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

const PAN_SHAPED = /(?<!\d)\d{13,19}(?!\d)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What every pino line has besides what the code logged. */
const LINE_FIELDS = ['level', 'time', 'pid', 'hostname', 'request_id', 'msg'];

/** No log line of the orchestrator may carry a PAN, a cryptogram, a token or a session secret. */
describe('log hygiene (e2e)', () => {
  const logger = new CapturedLogger();
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({ logger });
  });
  afterAll(() => ctx.close());

  // First in the file: nothing else runs in the background yet (a challenge waits for the
  // cardholder, its deadline is a minute away), so every line in the window is a request's.
  it('gives every line of a request its id, Checkout the id, and one access line per request', async () => {
    const requestId = `hygiene-${randomUUID()}`;
    const card = '4242424242424242'; // a challenge: Checkout answers the create synchronously
    const from = logger.lines.length;
    const created = await ctx.client
      .create(
        aCreateBody(card, {
          amount: 100,
          reference: 'LOG-REQUEST-ID',
          channel_data: aBrowserChannel(),
        }),
        { headers: { 'x-request-id': requestId } },
      )
      .expect(201);
    expect(created.headers['x-request-id']).toBe(requestId);
    expect(created.body.state).toBe('challenge_required');

    // Written when the response has gone out, so perhaps after the client read it.
    const isAccessLine = (entry: LogEntry) =>
      entry.request_id === requestId && entry.msg === 'request completed';
    const accessAt = await waitUntil(() => {
      const index = logger.entries().findIndex(isAccessLine);
      return Promise.resolve(index >= 0 ? index : undefined);
    });
    const entries = logger.entries();
    expect(entries.filter(isAccessLine)).toHaveLength(1);
    const access = entries[accessAt];
    expect(access).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/v1/authentications',
      status: 201,
      duration_ms: expect.any(Number),
    });
    expect(Object.keys(access).sort()).toEqual(
      [...LINE_FIELDS, 'method', 'route', 'status', 'duration_ms'].sort(),
    );

    // Between the request's arrival and its access line: its own lines, or another request's
    // (Checkout may call back meanwhile); none without an id.
    const window = entries.slice(from, accessAt + 1);
    expect(window.filter((entry) => entry.request_id === undefined)).toEqual([]);
    const own = window.filter((entry) => entry.request_id === requestId);
    const createCall = own.find(
      (entry) => entry.msg === 'checkout call' && entry.operation === 'create session',
    );
    expect(createCall).toMatchObject({ status: 201, cko_request_id: expect.stringMatching(UUID) });
    expect(own).toContainEqual(
      expect.objectContaining({
        msg: 'authentication transition',
        id: created.body.id,
        from: 'created',
        to: 'challenge_required',
        source: 'api',
      }),
    );

    // Checkout was told the id (the simulator records what its callers sent).
    const { body } = await ctx.checkout.control('GET', '/requests');
    const creates = (body.requests as { route: string; callerRequestId?: string }[]).filter(
      (entry) => entry.route === 'POST /sessions' && entry.callerRequestId === requestId,
    );
    expect(creates).toHaveLength(1);

    // The request's lines hold no card data, key or Checkout token.
    const text = JSON.stringify(own);
    expect(text).not.toContain(card);
    expect(text).not.toMatch(PAN_SHAPED);
    expect(text).not.toMatch(/Bearer|authorization/i);
    expect(text).not.toContain(TEAM_A.apiKey);
    expect(text).not.toContain('LOG-REQUEST-ID'); // nor any other body value
  });

  it('logs flows without PANs, cryptograms or secrets', async () => {
    const pans = ['4485040371536584', '4242424242424242', '4539628347117863'];
    const cryptograms: string[] = [];
    for (const [index, number] of pans.entries()) {
      const created = await ctx.client
        .create(
          aCreateBody(number, {
            amount: 100,
            reference: `LOG-${index}`,
            channel_data: aBrowserChannel(),
          }),
        )
        .expect(201);
      if (created.body.state === 'challenge_required') {
        const { acs_url, creq } = created.body.next_action;
        const page = await answerChallenge(acs_url, creq, { password: 'Checkout1!' });
        const notification = formOf(page.html);
        await postForm(notification.action, notification.fields);
      }
      await ctx.waitForState(created.body.id, 'completed');
      const truth = await ctx.checkout.getSession(
        await ctx.checkout.token(),
        created.body.checkout_session_id,
      );
      if (truth.body.cryptogram) cryptograms.push(truth.body.cryptogram);
      expect(truth.body.session_secret).toMatch(/^sek_/);
      expect(logger.lines.join('\n')).not.toContain(truth.body.session_secret);
    }
    // Invalid input is logged nowhere either.
    await ctx.client
      .createUnchecked({
        source: {
          type: 'card',
          number: '4242424242424241',
          expiry_month: 12,
          expiry_year: 2030,
          cvv: '123',
        },
      })
      .expect(400);

    const log = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThan(5);
    expect(log).toContain('authentication transition');
    expect(log).not.toMatch(PAN_SHAPED);
    for (const card of testCards.cards) expect(log).not.toContain(card.number);
    for (const cryptogram of cryptograms) expect(log).not.toContain(cryptogram);
    expect(log).not.toMatch(/Bearer\s+\S+|eyJ[\w-]+\.eyJ/);
  });
});
