import { findCardNumbers } from '@app/domain';
import request from 'supertest';
import { CapturedLogger } from '../../support/captured-logger.js';
import { aCheckoutEvent, postWebhook } from '../../support/checkout-webhook-sender.js';
import { dumpTables, logTexts, scanForLeaks } from '../../support/leak-scan.js';
import type { Answer, CreateOptions } from '../../support/api.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { testDatabaseUrl, waitingDeadlines } from '../../support/test-config.js';

const CARD = '4485040371536584';
/** The same card number as people and copy-paste write it (docs/card-data.md#spellings). */
const SPELLINGS: readonly [string, string][] = [
  ['dots', '4485.0403.7153.6584'],
  ['underscores', '4485_0403_7153_6584'],
  ['slashes', '4485/0403/7153/6584'],
  ['no-break spaces', '4485\u00a00403\u00a07153\u00a06584'],
  ['double and mixed separators', '4485 -0403--7153//6584'],
  ['a glued prefix', 'ref-4485 0403 7153 6584'],
  ['an ORD_ prefix', 'ORD_4485040371536584'],
  [
    'fullwidth digits',
    '\uff14\uff14\uff18\uff15\uff10\uff14\uff10\uff13\uff17\uff11\uff15\uff13\uff16\uff15\uff18\uff14',
  ],
  ['zero-width spaces', '4485\u200b0403\u200b7153\u200b6584'],
  ['its expiry after it', '4485 0403 7153 6584 12/27'],
];
/** What an HTTP header can carry at all (Latin-1, no controls). */
const inAHeader = SPELLINGS.filter(([, text]) => /^[\x20-\x7e\x80-\xff]+$/.test(text));
const OUR_REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Card data in every spelling, over HTTP: refused where it does not belong, or never stored;
 * ordinary input that only looks numeric is accepted; Checkout's authenticated posts are never
 * refused for what they hold.
 */
describe('card data in any spelling (e2e)', () => {
  let ctx: Orchestration;
  const logger = new CapturedLogger();

  beforeAll(async () => {
    // Webhooks naming a session we do not know wait an hour in the queue: their jobs can be read.
    const recheckMs = { ...waitingDeadlines(60_000), creation: 3_600_000 };
    ctx = await Orchestration.start({ logger, jobs: { recheckMs } });
    await ctx.reset();
  });
  afterAll(() => ctx.close());

  const create = (overrides: Record<string, unknown>, options?: CreateOptions) =>
    ctx.client.create(aCreateBody(CARD, overrides), options);
  const expectCardDataRefused = (response: Answer) => {
    expect({ status: response.status, code: response.body.error?.code }).toEqual({
      status: 400,
      code: 'CARD_DATA_NOT_ALLOWED',
    });
    expect(findCardNumbers(response.text)).toEqual([]);
  };

  it.each(SPELLINGS)('refuses a card number with %s in the reference', async (_case, text) => {
    expectCardDataRefused(await create({ reference: text }));
  });

  it.each(SPELLINGS)('refuses a card number with %s in metadata', async (_case, text) => {
    expectCardDataRefused(await create({ metadata: { order_note: `pay with ${text}` } }));
    expectCardDataRefused(
      await create({
        source: { type: 'card', number: CARD, expiry_month: 12, expiry_year: 2030, name: text },
      }),
    );
  });

  it.each(SPELLINGS)('refuses a card number with %s in a query string', async (_case, text) => {
    const query = `reference=${encodeURIComponent(text)}`;
    expectCardDataRefused(await ctx.api('get', `/v1/authentications?${query}`));
  });

  it.each(inAHeader)(
    'replaces an X-Request-Id holding a card number with %s',
    async (_case, text) => {
      const answer = await ctx.api('get', '/v1/authentications').set('x-request-id', text);
      expect(answer.headers['x-request-id']).toMatch(OUR_REQUEST_ID);
    },
  );

  it('echoes an X-Request-Id that only looks numeric', async () => {
    const given = 'ORDER-1732550400000';
    const answer = await ctx.api('get', '/v1/authentications').set('x-request-id', given);
    expect(answer.headers['x-request-id']).toBe(given);
  });

  it.each(inAHeader)('keeps an Idempotency-Key with %s only as a hash', async (_case, text) => {
    const answer = await create({ reference: `KEY-${_case}` }, { idempotencyKey: text });
    expect([201, 400]).toContain(answer.status);
    if (answer.status === 400) expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    const kept = await ctx.sql(
      `SELECT 1 FROM idempotency_keys WHERE key_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [text],
    );
    expect(kept).toHaveLength(answer.status === 201 ? 1 : 0);
  });

  it('accepts 1,000 references made of millisecond timestamps from 2001 to 2128', async () => {
    const first = Date.UTC(2001, 8, 9, 1, 46, 40); // the first 13-digit millisecond
    const last = Date.UTC(2128, 11, 31);
    const times = Array.from({ length: 1_000 }, (_, i) =>
      Math.round(first + ((last - first) * i) / 999 + ((i * 7_919) % 1_000)),
    );
    const statuses: number[] = [];
    for (let batch = 0; batch < times.length; batch += 25) {
      const answers = await Promise.all(
        times.slice(batch, batch + 25).map((time) => create({ reference: `ORDER-${time}` })),
      );
      statuses.push(...answers.map((answer) => answer.status));
    }
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
  }, 180_000);

  it('answers 404 for a made-up id of 13 zeros', async () => {
    const answer = await ctx.api('get', '/v1/authentications/auth_0000000000000');
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({
      status: 404,
      code: 'AUTHENTICATION_NOT_FOUND',
    });
  });

  it('answers 200 to a signed webhook holding card numbers, and keeps them masked', async () => {
    const event = aCheckoutEvent('authentication_approved', 'sid_unknownsessionaaaaaaaaaa', {
      reference: 'ORDER 4485 0403 7153 6584',
    });
    const body = JSON.stringify({ ...event, data: { ...event.data, note: `pan ${CARD}` } });
    await postWebhook(ctx.orchestrator.http, body).expect(200);
    const withCardId = JSON.stringify({ ...event, id: `evt_${CARD}abcdef` });
    await postWebhook(ctx.orchestrator.http, withCardId).expect(200);
    // A session we do not know is looked at after the creation deadline (an hour here).
    const jobs = await ctx.sql<{ payload: { reference: string } }>(
      `SELECT j.payload FROM graphile_worker._private_jobs j
         JOIN graphile_worker._private_tasks t ON t.id = j.task_id
       WHERE t.identifier = 'process_checkout_event'`,
    );
    expect(jobs.map((job) => job.payload.reference)).toEqual(['ORDER [card …6584]']);
    const inbox = await ctx.sql<{ id: string }>('SELECT id FROM provider_events');
    expect(inbox).toEqual([{ id: event.id }]);
  });

  it('answers 2xx to a callback with its token, whatever its body holds', async () => {
    const created = await create({ reference: 'CALLBACK-CARD', channel_data: aBrowserChannel() });
    const session = await ctx.checkout.control(
      'GET',
      `/sessions/${created.body.checkout_session_id}`,
    );
    const path = new URL(session.body.completion.callback_url as string).pathname;
    for (const body of [
      JSON.stringify({ status: 'approved', note: `ORDER ${SPELLINGS[0][1]}`, [CARD]: 1 }),
      '{"status": "approved", "pan": 4485040371536584',
      '{"__proto__": {"x": 1}}',
      '['.repeat(50) + ']'.repeat(50),
    ]) {
      const answer = await request(ctx.orchestrator.http)
        .post(path)
        .set('content-type', 'application/json')
        .send(body);
      expect(answer.status).toBe(200);
    }
  });

  it('reads every table, graphile-worker jobs included, in the leak scan', async () => {
    const spelt = SPELLINGS[3][1];
    await ctx.sql(
      `SELECT graphile_worker.add_job('probe', $1::json, run_at => now() + interval '1 day',
         job_key => 'leak-scan-probe')`,
      [JSON.stringify({ note: spelt })],
    );
    await ctx.sql(
      `INSERT INTO job_workers (pool_id, instance, heartbeat_at)
      VALUES ('leak-scan-probe', $1, now() + interval '1 day')`,
      [SPELLINGS[7][1]],
    );
    try {
      const findings = await scanForLeaks([testDatabaseUrl()]);
      expect(findings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/graphile_worker\._private_jobs: test card …6584$/),
          expect.stringMatching(/public\.job_workers: test card …6584$/),
        ]),
      );
    } finally {
      await ctx.sql(`SELECT graphile_worker.remove_job('leak-scan-probe')`);
      await ctx.sql(`DELETE FROM job_workers WHERE pool_id = 'leak-scan-probe'`);
    }
  });

  it('keeps no card number, in any spelling, in any table or log line', async () => {
    const texts = [
      ...(await dumpTables(testDatabaseUrl())).map(([, text]) => text),
      logTexts(logger.lines.join('\n')),
    ];
    expect(texts.flatMap((text) => findCardNumbers(text))).not.toContain(CARD);
  });
});
