import request from 'supertest';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { answerChallenge, encodeJson, formOf } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_B } from '../../support/test-config.js';

const POSTS = 1_000;
/**
 * Thousands of posts take minutes on a machine whose cores are busy: the limit guards against a
 * hang, the assertions are about rows and provider calls, never about time.
 */
const THOUSANDS_OF_POSTS_MS = 600_000;

/** Anonymous, replayed and parallel inputs cost (almost) nothing: rows, Checkout calls, time. */
describe('abuse of the public paths (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const timelineRows = async (id: string) =>
    (await ctx.sql('SELECT id FROM authentication_events WHERE authentication_id = $1', [id]))
      .length;
  const checkoutCalls = async () =>
    ((await ctx.checkout.control('GET', '/requests')).body.requests as unknown[]).length;
  const postMany = async (path: string, form: (i: number) => Record<string, string>) => {
    for (let start = 0; start < POSTS; start += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          request(ctx.orchestrator.http)
            .post(path)
            .type('form')
            .send(form(start + i))
            .expect(200),
        ),
      );
    }
  };

  it(
    '1,000 anonymous posts to each notification path add a handful of rows and no Checkout call',
    async () => {
      const created = await ctx.client
        .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
        .expect(201);
      const id = created.body.id as string;
      const [rowsBefore, callsBefore] = [await timelineRows(id), await checkoutCalls()];

      await postMany(`/notifications/challenge/${id}`, (i) => ({ cres: `garbage-${i}` }));
      await postMany(`/notifications/challenge/${id}`, (i) => ({
        PaRes: `x${i}`,
        MD: 'sid_forged',
      }));
      await postMany(`/notifications/3ds-method/${id}`, (i) => ({
        threeDSMethodData: `data-${i}`,
      }));
      const forgedCres = encodeJson({ messageType: 'CRes', threeDSServerTransID: 'not-ours' });
      await postMany(`/notifications/challenge/${id}`, () => ({ cres: forgedCres }));

      expect((await timelineRows(id)) - rowsBefore).toBeLessThanOrEqual(8);
      expect(await checkoutCalls()).toBe(callsBefore);
    },
    THOUSANDS_OF_POSTS_MS,
  );

  it(
    're-reads at most once per cooldown for the genuine CRes posted 1,000 times, and never once final',
    async () => {
      const created = await ctx.client
        .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
        .expect(201);
      const { id, checkout_session_id: sid, next_action } = created.body;
      const back = await answerChallenge(next_action.acs_url, next_action.creq, {
        password: 'Checkout1!',
      });
      const cres = formOf(back.html).fields;
      const rowsBefore = await timelineRows(id);

      await postMany(`/notifications/challenge/${id}`, () => cres);
      expect((await ctx.checkoutReads()).get(sid)).toBe(1); // all within one 2 s cooldown
      await ctx.waitForState(id, 'completed');
      const readsWhenFinal = (await ctx.checkoutReads()).get(sid);
      await new Promise((resolve) => setTimeout(resolve, 2_100)); // the cooldown has passed
      await postMany(`/notifications/challenge/${id}`, () => cres);
      expect((await ctx.checkoutReads()).get(sid)).toBe(readsWhenFinal);
      // One `received` row for that input; the moves themselves (result_ready, completed).
      expect((await timelineRows(id)) - rowsBefore).toBeLessThanOrEqual(4);
    },
    THOUSANDS_OF_POSTS_MS,
  );

  it(
    'records a callback replayed 1,000 times once, and re-reads nothing for it',
    async () => {
      const created = await ctx.client
        .create(aCreateBody('4485040371536584', { channel_data: aBrowserChannel() }))
        .expect(201);
      const { id, checkout_session_id: sid } = created.body;
      await ctx.waitForState(id, 'completed');
      // The callback URL (with its token) as Checkout holds it, and the body it posted.
      const session = (await ctx.checkout.control('GET', `/sessions/${sid}`)).body;
      const callbackUrl = new URL(session.completion.callback_url as string);
      const rows = await timelineRows(id);
      const reads = (await ctx.checkoutReads()).get(sid);
      const body = { session_id: sid, status: 'approved' };
      for (let start = 0; start < POSTS; start += 50) {
        await Promise.all(
          Array.from({ length: 50 }, () =>
            request(ctx.orchestrator.http).post(callbackUrl.pathname).send(body).expect(200),
          ),
        );
      }
      expect((await timelineRows(id)) - rows).toBeLessThanOrEqual(1);
      expect((await ctx.checkoutReads()).get(sid)).toBe(reads);
    },
    THOUSANDS_OF_POSTS_MS,
  );

  it('sends 20 parallel issuer-fingerprint reports to Checkout once', async () => {
    const created = await ctx.client.create(aCreateBody('4485040371536584')).expect(201);
    const reports = await Promise.all(
      Array.from({ length: 20 }, () =>
        ctx
          .api('post', `/v1/authentications/${created.body.id}/issuer-fingerprint`)
          .send({ completion: 'Y' }),
      ),
    );
    // Those that waited for the one going through get its outcome; one arriving after it is a
    // second report, refused as before.
    for (const report of reports) {
      if (report.status === 200) expect(report.body.state).toBe('awaiting_channel_data');
      else expect(report.body.error.code).toBe('ILLEGAL_TRANSITION');
    }
    expect(reports.filter((report) => report.status === 200).length).toBeGreaterThan(1);
    const puts = (
      (await ctx.checkout.control('GET', '/requests')).body.requests as { route: string }[]
    ).filter((entry) => entry.route === 'PUT /sessions/:id/issuer-fingerprint');
    expect(puts).toHaveLength(1);
  });

  it('ends an authentication whose session Checkout no longer knows, with a clear reason', async () => {
    const created = await ctx.client.create(aCreateBody('4556085951507152')).expect(201);
    await ctx.checkout.control('POST', '/reset'); // Checkout forgets every session
    const refused = await ctx
      .api('post', `/v1/authentications/${created.body.id}/channel-data`)
      .send({ channel_data: aBrowserChannel() });
    expect(refused.status).toBe(422);
    await expect(ctx.waitForState(created.body.id, 'closed')).resolves.toMatchObject({
      outcome: 'error',
      failure_reason: 'checkout_session_not_found',
    });
  });
});

describe('rate limits (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({
      security: {
        rateLimits: {
          apiPerMinute: 5,
          browserPerMinute: 3,
          checkoutPerMinute: 3,
          adyenPerMinute: 3,
        },
      },
    });
  });
  afterAll(() => ctx.close());

  it('limits each API key on its own, with 429 and Retry-After', async () => {
    // A key gets its own bucket once validated; its first request counts against the address.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await ctx.api('get', '/v1/authentications')).status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await ctx.api('get', '/v1/authentications').expect(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    const other = await ctx.api('get', '/v1/authentications', TEAM_B.apiKey).expect(200);
    expect(other.headers['x-ratelimit-remaining']).toBeUndefined();
  });

  it('counts garbage keys against the client address, not one fresh bucket each', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (await ctx.api('get', '/v1/authentications', `garbage-key-${i}-xxxxxxxx`)).status,
      );
    }
    expect(statuses).toContain(429);
  });

  it('limits the cardholder-facing pages per client address', async () => {
    const path = `/notifications/challenge/auth_${'a'.repeat(26)}`;
    for (let i = 0; i < 3; i++) {
      await request(ctx.orchestrator.http).post(path).type('form').send({ cres: 'x' }).expect(200);
    }
    const limited = await request(ctx.orchestrator.http)
      .post(path)
      .type('form')
      .send({ cres: 'x' })
      .expect(429);
    expect(limited.headers['retry-after']).toBeDefined();
    await request(ctx.orchestrator.http).get('/health/live').expect(200);
  });

  it("gives each provider's inbound posts a bucket of their own", async () => {
    const post = (path: string) =>
      request(ctx.orchestrator.http).post(path).set('content-type', 'application/json').send('{}');
    const checkout: number[] = [];
    for (let i = 0; i < 4; i++) checkout.push((await post('/webhooks/checkout')).status);
    expect(checkout.slice(0, 3)).not.toContain(429);
    expect(checkout[3]).toBe(429);
    // Checkout's address is out of budget; Adyen's webhooks from it are not.
    expect((await post('/webhooks/adyen')).status).not.toBe(429);
    // Nor the rest of the site (the browser helper), which has a bucket and limit of its own.
    const site: number[] = [];
    for (let i = 0; i < 5; i++) {
      site.push((await request(ctx.orchestrator.http).get('/js/threeds.js')).status);
    }
    expect(site).toEqual([200, 200, 200, 200, 200]);
  });
});
