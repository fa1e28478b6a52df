import fc from 'fast-check';
import request from 'supertest';
import { CapturedLogger } from '../../support/captured-logger.js';
import type { Answer } from '../../support/api.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { TEAM_A } from '../../support/test-config.js';

/** `npm test` runs a quick pass; `npm run test:fuzz` (and CI) the full count, FUZZ_RUNS=5000. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
/**
 * Only a bound on a hang: a case takes a few milliseconds on an idle machine and many times that
 * on a busy one, and a property cut off by Jest would go on running beside the next one.
 */
const CASE_TIMEOUT_MS = Math.max(60_000, RUNS * 250);
const CARD = '4485040371536584';
/** Timeline sources of the follow-up jobs, which write on their own schedule. */
const BACKGROUND_SOURCES = ['deadline', 'checkout_complete', 'checkout_webhook'];

/** Strings that break things: control characters, odd unicode, card numbers, huge, empty. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '%00',
    '../../etc/passwd',
    "'; DROP TABLE x;--",
    '__proto__',
  ),
  fc.constantFrom(CARD, `ORDER ${CARD}`, '4242 4242 4242 4242', '+275760-09-13T00:00:00Z'),
  fc.string({ minLength: 300, maxLength: 2_000 }),
);
const value: fc.Arbitrary<unknown> = fc.oneof(nasty, fc.jsonValue({ maxDepth: 3 }));
/** Mostly valid bodies with one field replaced, and wholly arbitrary ones. */
const bodyAround = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc
      .record({ key: fc.oneof(fc.constantFrom(...Object.keys(valid)), nasty), value })
      .map(({ key, value: v }) => ({ ...valid, [key]: v })),
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(nasty, value, { maxKeys: 4 }),
  );

/**
 * Every string in `input` long enough that seeing it again in an answer means it was echoed.
 * Field names that read as names (`reference`) may be named back; any other key may not.
 */
function strings(input: unknown, found: string[] = []): string[] {
  if (typeof input === 'string' && input.trim().length >= 8) found.push(input);
  if (typeof input === 'object' && input !== null) {
    for (const [key, item] of Object.entries(input)) {
      if (key.length >= 8 && !/^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(key)) found.push(key);
      strings(item, found);
    }
  }
  return found;
}

/** `details` is always an object; fields it names have a JSON path and words, no rule name. */
function expectReadableDetails(details: unknown): void {
  expect(details).toEqual(expect.any(Object));
  expect(Array.isArray(details)).toBe(false);
  for (const field of (details as { errors?: unknown[] }).errors ?? []) {
    expect(field).toEqual({
      param: expect.any(String),
      message: expect.stringMatching(/^(must|is|needs|holds) /),
    });
  }
}

/**
 * Property-based fuzzing of every public endpoint (fast-check): whatever comes in, the answer is
 * never a 5xx, a refusal persists nothing, and no input value appears in an error or a log line.
 */
describe(`fuzzing every public endpoint (e2e, ${RUNS} runs each, seed ${SEED})`, () => {
  let ctx: Orchestration;
  let authenticationId: string;
  const logger = new CapturedLogger();

  beforeAll(async () => {
    console.info(`fuzz: FUZZ_RUNS=${RUNS} FUZZ_SEED=${SEED}`);
    ctx = await Orchestration.start({ logger });
    await ctx.reset();
    const created = await ctx.client
      .create(aCreateBody(CARD, { reference: 'FUZZ-TARGET' }))
      .expect(201);
    authenticationId = created.body.id;
  });
  afterAll(() => ctx.close());

  /**
   * What a refusal must not add to (idempotency keys keep refusals, for replays). Events count
   * for the target only, and only those a request writes: authentications go on in the background
   * (deadlines, Checkout's webhooks, follow-up jobs) and add their own events meanwhile.
   */
  const rows = async () =>
    (
      await ctx.sql<{ n: number }>(
        `SELECT (SELECT count(*) FROM authentications)
           + (SELECT count(*) FROM authentication_events
               WHERE authentication_id = $1 AND source <> ALL ($2))
           + (SELECT count(*) FROM team_endpoints) + (SELECT count(*) FROM api_keys) AS n`,
        [authenticationId, BACKGROUND_SOURCES],
      )
    )[0].n;
  const targetEvents = async () =>
    (
      await ctx.sql<{ n: number }>(
        'SELECT count(*) AS n FROM authentication_events WHERE authentication_id = $1',
        [authenticationId],
      )
    )[0].n;
  /** Until the target's timeline holds still for half a second (at most 10 s). */
  async function settled(): Promise<void> {
    let [last, still] = [await targetEvents(), 0];
    for (let tries = 0; still < 5 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await targetEvents();
      [last, still] = [now, now === last ? still + 1 : 0];
    }
  }
  /** Seen in an answer as is, or JSON-escaped. */
  const appearsIn = (text: string, haystack: string) =>
    haystack.includes(text) || haystack.includes(JSON.stringify(text).slice(1, -1));
  let keys = 0;

  async function check(input: unknown, send: () => PromiseLike<Answer>): Promise<void> {
    const [before, eventsBefore, logged] = [
      await rows(),
      await targetEvents(),
      logger.lines.length,
    ];
    const response = await send();
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) {
      expect(typeof response.body?.error?.code).toBe('string');
      expectReadableDetails(response.body.error.details);
      expect(await rows()).toBe(before);
      const echoed = strings(input).filter((text) => appearsIn(text, response.text));
      expect(echoed).toEqual([]);
    }
    // An accepted step on the target goes on in the background: let it finish before the next case.
    else if ((await targetEvents()) !== eventsBefore) await settled();
    const newLines = logger.lines.slice(logged).join('\n');
    expect(strings(input).filter((text) => appearsIn(text, newLines))).toEqual([]);
  }

  const api = (method: 'get' | 'post', path: string) =>
    request(ctx.orchestrator.http)[method](path).set('authorization', `Bearer ${TEAM_A.apiKey}`);
  const property = <T>(arbitrary: fc.Arbitrary<T>, run: (input: T) => Promise<void>) =>
    fc.assert(fc.asyncProperty(arbitrary, run), { numRuns: RUNS, seed: SEED });

  it(
    'POST /v1/authentications',
    () =>
      property(
        // Mostly a fresh key, so the body itself is validated; sometimes a fuzzed one.
        fc.tuple(bodyAround(aCreateBody(CARD)), fc.option(fc.string({ unit: 'binary' }))),
        ([body, fuzzedKey]) => {
          const key = fuzzedKey ?? `fuzz-${++keys}`;
          return check({ body, key: fuzzedKey }, () =>
            ctx.client.createUnchecked(body ?? null, {
              idempotencyKey: /^[\x21-\x7e]{1,255}$/.test(key) ? key : null,
            }),
          );
        },
      ),
    CASE_TIMEOUT_MS,
  );

  it(
    'GET /v1/authentications?…',
    () =>
      property(
        fc.dictionary(fc.constantFrom('reference', 'state', 'limit', 'cursor', 'x'), nasty),
        (query) =>
          check(query, () => api('get', `/v1/authentications?${new URLSearchParams(query)}`)),
      ),
    CASE_TIMEOUT_MS,
  );

  it(
    'GET /v1/authentications/{id}[/result|/events]',
    () =>
      property(
        fc.tuple(nasty, fc.constantFrom('', '/result?format=x', '/events')),
        ([id, suffix]) =>
          check({ id }, () => api('get', `/v1/authentications/${encodeURIComponent(id)}${suffix}`)),
      ),
    CASE_TIMEOUT_MS,
  );

  it(
    'POST /v1/authentications/{id}/issuer-fingerprint and /channel-data',
    () =>
      property(
        fc.tuple(
          bodyAround({ completion: 'U', channel_data: {} }),
          fc.constantFrom('issuer-fingerprint', 'channel-data'),
        ),
        ([body, step]) =>
          check(body, () =>
            api('post', `/v1/authentications/${authenticationId}/${step}`)
              .type('json')
              .send(JSON.stringify(body ?? null)),
          ),
      ),
    CASE_TIMEOUT_MS,
  );

  it(
    'POST /v1/authentications/{id}/step-up',
    () =>
      property(bodyAround({ source: aCreateBody(CARD).source, channel: 'browser' }), (body) =>
        check(body, () =>
          api('post', `/v1/authentications/${authenticationId}/step-up`)
            .set('idempotency-key', `fuzz-${++keys}`)
            .type('json')
            .send(JSON.stringify(body ?? null)),
        ),
      ),
    CASE_TIMEOUT_MS,
  );

  it(
    'POST /callbacks/checkout/{id}/{token}',
    () =>
      property(fc.tuple(nasty, nasty, value), ([id, token, body]) =>
        check({ id, token, body }, () =>
          request(ctx.orchestrator.http)
            .post(`/callbacks/checkout/${encodeURIComponent(id)}/${encodeURIComponent(token)}`)
            .send(JSON.stringify(body ?? null))
            .type('json'),
        ),
      ),
    CASE_TIMEOUT_MS,
  );

  it(
    'POST /notifications/3ds-method/{id} and /notifications/challenge/{id}',
    () =>
      property(
        fc.tuple(
          fc.dictionary(fc.constantFrom('cres', 'PaRes', 'MD', 'threeDSMethodData'), nasty),
          fc.constantFrom('3ds-method', 'challenge'),
          fc.boolean(),
        ),
        ([form, page, known]) =>
          check(form, () =>
            request(ctx.orchestrator.http)
              .post(`/notifications/${page}/${known ? authenticationId : `auth_${'a'.repeat(26)}`}`)
              .type('form')
              .send(form),
          ),
      ),
    CASE_TIMEOUT_MS,
  );

  it(
    'POST /webhooks/checkout',
    () =>
      property(fc.tuple(value, nasty), ([body, signature]) =>
        check({ body, signature }, () =>
          request(ctx.orchestrator.http)
            .post('/webhooks/checkout')
            .type('json')
            .set('cko-signature', encodeURIComponent(signature).slice(0, 200))
            .send(JSON.stringify(body ?? null)),
        ),
      ),
    CASE_TIMEOUT_MS,
  );

  it(
    'POST /v1/webhook-endpoints, GET /v1/events/{id}, POST /v1/events/{id}/resend',
    () =>
      property(
        fc.tuple(bodyAround({ url: 'https://8.8.8.8/x' }), nasty, fc.constantFrom(0, 1, 2)),
        ([body, id, which]) =>
          check({ body, id }, () => {
            const json = JSON.stringify(body ?? null);
            if (which === 0) return api('post', '/v1/webhook-endpoints').type('json').send(json);
            if (which === 1) return api('get', `/v1/events/${encodeURIComponent(id)}`);
            return api('post', `/v1/events/${encodeURIComponent(id)}/resend`)
              .type('json')
              .send(json);
          }),
      ),
    CASE_TIMEOUT_MS,
  );
});
