import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { CapturedLogger } from '../../support/captured-logger.js';
import type { Answer } from '../../support/api.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel, anAppChannel } from '../../support/simulator/factories.js';
import { TEAM_A } from '../../support/test-config.js';

const CARD = '4242424242424242';
const REQUEST_ID = /^[0-9a-f-]{36}$/;

/** Input meant to break things: every refusal is a 4xx in the documented shape, nothing kept. */
describe('hostile input (e2e)', () => {
  let ctx: Orchestration;
  const logger = new CapturedLogger();

  beforeAll(async () => {
    ctx = await Orchestration.start({ logger });
  });
  beforeEach(async () => {
    await ctx.reset();
    logger.lines.length = 0;
  });
  afterAll(() => ctx.close());

  const stored = async () => ({
    authentications: await ctx.sql('SELECT id FROM authentications'),
    keys: JSON.stringify(await ctx.sql('SELECT * FROM idempotency_keys')),
  });
  const expectRefused = (response: Answer, status: number, code: string) => {
    expect({ status: response.status, code: response.body.error?.code }).toEqual({ status, code });
    expect(response.body.error.request_id).toMatch(REQUEST_ID);
    expect(response.headers['x-request-id']).toBe(response.body.error.request_id);
  };

  it.each([
    [
      'a NUL byte in an id',
      () => ctx.api('get', '/v1/authentications/auth_aaaaaaaaaaaaa%00aaaaaaaaaaaa'),
      400,
      'INVALID_CHARACTERS',
    ],
    [
      'an id of the wrong shape',
      () => ctx.api('get', '/v1/authentications/auth_%27%3B--'),
      404,
      'AUTHENTICATION_NOT_FOUND',
    ],
    [
      'a NUL byte in a query value',
      () => ctx.api('get', '/v1/authentications?reference=a%00b'),
      400,
      'INVALID_CHARACTERS',
    ],
    [
      'a NUL byte in the reference',
      () => ctx.client.create(aCreateBody(CARD, { reference: 'A\u0000B' })),
      400,
      'INVALID_CHARACTERS',
    ],
    [
      'a NUL byte in a callback id',
      () => request(ctx.orchestrator.http).post('/callbacks/checkout/auth_%00/x').send({}),
      400,
      'INVALID_CHARACTERS',
    ],
    [
      'an unknown callback id',
      () => request(ctx.orchestrator.http).post('/callbacks/checkout/auth_x/y').send({}),
      401,
      'CALLBACK_TOKEN_INVALID',
    ],
    [
      'a NUL byte in a notification id',
      () =>
        request(ctx.orchestrator.http)
          .post('/notifications/challenge/auth_%00')
          .type('form')
          .send({ cres: 'x' }),
      400,
      'INVALID_CHARACTERS',
    ],
    [
      'a control character in a form field',
      () =>
        request(ctx.orchestrator.http)
          .post(`/notifications/challenge/auth_${'a'.repeat(26)}`)
          .type('form')
          .send({ cres: 'a\u0007b' }),
      400,
      'INVALID_CHARACTERS',
    ],
    [
      'a cursor date out of range',
      () =>
        ctx.api(
          'get',
          `/v1/authentications?cursor=${Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', 'auth_x'])).toString('base64url')}`,
        ),
      400,
      'VALIDATION_FAILED',
    ],
  ])('refuses %s with a 4xx', async (_case, send, status, code) => {
    expectRefused(await send(), status, code);
  });

  /** Raw HTTP on purpose: the typed client only sends what JSON.stringify makes of an object. */
  const createFromText = (json: string) =>
    ctx
      .api('post', '/v1/authentications')
      .set('idempotency-key', randomUUID())
      .type('json')
      .send(json);

  it.each([
    ['3,000 levels deep', '['.repeat(3_000) + ']'.repeat(3_000)],
    [
      '9 levels deep',
      JSON.stringify({ a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } }),
    ],
  ])('refuses JSON %s before it reaches validation', async (_case, body) => {
    const response = await createFromText(body);
    expectRefused(response, 400, 'BODY_TOO_DEEP');
    expect((await stored()).authentications).toEqual([]);
  });

  it('refuses prototype poisoning and malformed JSON without quoting the input', async () => {
    const poisoned = await createFromText('{"__proto__": {"admin": true}, "reference": "x"}');
    expectRefused(poisoned, 400, 'MALFORMED_BODY');
    const broken = await createFromText(`{"n": ${CARD}x`);
    expectRefused(broken, 400, 'MALFORMED_BODY');
    expect(broken.text).not.toContain(CARD);
  });

  it.each([
    ['the reference', aCreateBody(CARD, { reference: `ORDER ${CARD}` })],
    [
      'an address line, spaced',
      aCreateBody(CARD, { shipping_address: { address_line1: '4242 4242 4242 4242' } }),
    ],
    ['a key', { ...aCreateBody(CARD), [CARD]: 'x' }],
    ['a nested key', aCreateBody(CARD, { account_info: { [`x${CARD}`]: 1 } })],
  ])('refuses a card number in %s, echoes and keeps nothing of it', async (_case, body) => {
    const response = await ctx.client.create(body);
    expect(response.status).toBe(400);
    expect(['CARD_DATA_NOT_ALLOWED', 'INVALID_CHARACTERS']).toContain(response.body.error.code);
    expect(response.text).not.toContain(CARD);
    expect(response.text).not.toContain('4242 4242');
    const { authentications, keys } = await stored();
    expect(authentications).toEqual([]);
    expect(keys).not.toContain(CARD);
  });

  it.each([
    ['amount', { amount: null }],
    ['reference', { reference: null }],
    ['challenge indicator', { challenge_indicator: null }],
    ['channel data', { channel_data: null }],
  ])('refuses null for an optional %s before anything is recorded', async (_case, fields) => {
    const response = await ctx.client.create(aCreateBody(CARD, fields));
    expectRefused(response, 400, 'VALIDATION_FAILED');
    expect((await stored()).authentications).toEqual([]);
    const { body } = await ctx.checkout.control('GET', '/requests');
    expect(
      body.requests.filter((entry: { route: string }) => entry.route === 'POST /sessions'),
    ).toEqual([]);
  });

  it('names an unknown field that is a plain name, and not one that could be data', async () => {
    const named = await ctx.client.createUnchecked({ ...aCreateBody(CARD), cvv: '123' });
    expect(named.body.error.details).toEqual({
      errors: [{ param: 'cvv', message: 'is not allowed' }],
    });
    const odd = await ctx.client.createUnchecked({ ...aCreateBody(CARD), 'x-1234-5678': 1 });
    expect(odd.status).toBe(400);
    expect(odd.text).not.toContain('1234-5678');
    expect(odd.body.error.details.errors).toContainEqual({
      param: '(unknown field)',
      message: 'is not allowed',
    });
  });

  it('names a field holding control characters by its JSON path, array index included', async () => {
    const app = { ...anAppChannel(), sdk_ui_elements: ['text', 'oob\u0000'] };
    const refused = await ctx.client.createUnchecked({
      ...aCreateBody(CARD),
      channel: 'app',
      channel_data: app,
    });
    expectRefused(refused, 400, 'INVALID_CHARACTERS');
    expect(refused.body.error.details).toEqual({
      errors: [{ param: 'channel_data.sdk_ui_elements[1]', message: 'holds control characters' }],
    });
  });

  it.each([
    [
      'a missing Idempotency-Key',
      () => ctx.api('post', '/v1/authentications').send(aCreateBody(CARD)),
      { param: 'Idempotency-Key', message: 'is required' },
    ],
    [
      'a result format it does not know',
      () => ctx.api('get', `/v1/authentications/auth_${'a'.repeat(26)}/result?format=visa`),
      { param: 'format', message: 'must be one of: generic, checkout, stripe, adyen' },
    ],
    [
      'a page size out of range',
      () => ctx.api('get', '/v1/authentications?limit=500'),
      { param: 'limit', message: 'must be an integer between 1 and 100' },
    ],
    [
      'a malformed cursor',
      () => ctx.api('get', '/v1/authentications?cursor=not-a-cursor'),
      { param: 'cursor', message: 'must be a next_cursor from this API' },
    ],
  ])('names %s in details.errors', async (_case, send, field) => {
    const refused = await send();
    expectRefused(refused, 400, 'VALIDATION_FAILED');
    expect(refused.body.error.details).toEqual({ errors: [field] });
  });

  it('takes a card number as Idempotency-Key and keeps only its hash', async () => {
    await ctx.client.create(aCreateBody(CARD), { idempotencyKey: `order-${CARD}` }).expect(201);
    const { keys } = await stored();
    expect(keys).toMatch(/"key_hash":"[0-9a-f]{64}"/);
    expect(keys).not.toContain(CARD);
  });

  it('answers an unexpected failure with 500 in the documented shape and one quiet log line', async () => {
    await ctx.sql(`CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'secret detail 4485040371536584'; END $$`);
    await ctx.sql(`CREATE TRIGGER refuse_insert BEFORE INSERT ON authentications
      FOR EACH ROW EXECUTE FUNCTION refuse_insert()`);
    try {
      const response = await ctx.client.create(aCreateBody(CARD));
      expectRefused(response, 500, 'INTERNAL_ERROR');
      expect(response.text).not.toMatch(/secret|INSERT|4485040371536584/);
      const lines = logger.lines.filter((line) => line.includes('unexpected error'));
      expect(lines).toHaveLength(1);
      expect(logger.lines.join('\n')).not.toMatch(/secret detail|INSERT INTO|4485040371536584/);
    } finally {
      await ctx.sql('DROP TRIGGER refuse_insert ON authentications');
      await ctx.sql('DROP FUNCTION refuse_insert()');
    }
  });

  it('refuses a body larger than its route needs, also when chunked', async () => {
    const created = await ctx.client.create(aCreateBody('4485040371536584')).expect(201);
    const large = await ctx
      .api('post', `/v1/authentications/${created.body.id}/issuer-fingerprint`)
      .send({ completion: 'U', padding: 'x'.repeat(2_000) });
    expectRefused(large, 413, 'PAYLOAD_TOO_LARGE');
    expect(large.body.error.message).toBe(
      'The body is larger than this route accepts (1024 bytes)',
    );

    const chunked = await new Promise<number>((resolve, reject) => {
      const url = new URL(
        `${ctx.orchestrator.url}/v1/authentications/${created.body.id}/issuer-fingerprint`,
      );
      const req = httpRequest(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEAM_A.apiKey}`,
          'content-type': 'application/json',
          'transfer-encoding': 'chunked',
        },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0)).on('error', reject);
      for (let i = 0; i < 8; i++) req.write(`{"x":"${'y'.repeat(500)}",`);
      req.end('"completion":"U"}');
    });
    expect(chunked).toBe(413);
  });

  it('echoes a well-formed X-Request-Id and replaces any other', async () => {
    const given = await ctx.api('get', '/v1/authentications').set('x-request-id', 'trace-0001-abc');
    expect(given.headers['x-request-id']).toBe('trace-0001-abc');
    const odd = await ctx.api('get', '/v1/authentications').set('x-request-id', 'x y');
    expect(odd.headers['x-request-id']).toMatch(REQUEST_ID);
  });

  it('sends security headers; the notification page may be framed by merchant pages only', async () => {
    const api = await ctx.api('get', '/v1/authentications').expect(200);
    expect(api.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    const created = await ctx.client
      .create(aCreateBody(CARD, { channel_data: aBrowserChannel() }))
      .expect(201);
    const page = await request(ctx.orchestrator.http)
      .post(`/notifications/challenge/${created.body.id}`)
      .type('form')
      .send({ cres: 'not-a-cres' })
      .expect(200);
    expect(page.headers['content-security-policy']).toMatch(
      /script-src 'sha256-[^']+'; frame-ancestors https: http:\/\/127\.0\.0\.1:\*/,
    );
  });
});
