import { Logger, type LoggerService } from '@nestjs/common';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Answer } from '../../support/api.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody as aCardBody } from '../../support/result-expectations.js';
import { answerChallenge, formOf, postForm } from '../../support/simulator/browser.js';
import { aBrowserChannel, anAppChannel } from '../../support/simulator/factories.js';
import { TEAM_B, testDatabaseUrl } from '../../support/test-config.js';

const FRICTIONLESS_Y = '4485040371536584';
const FRICTIONLESS_N = '4539628347117863';
const CHALLENGE_Y = '4242424242424242';
const NETWORK_TOKEN_Y = '4543474002249996';
const LUHN_INVALID = '4485040371536585';

const aCreateBody = (number: string, overrides: Record<string, unknown> = {}) =>
  aCardBody(number, { reference: 'ORDER-SEC-1', ...overrides });

async function withDatabase<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Every row of every table in the worker database, as JSON text, keyed by table. */
function dumpDatabase(): Promise<Record<string, string[]>> {
  return withDatabase(async (client) => {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const dump: Record<string, string[]> = {};
    for (const { schema, name } of tables) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM "${schema}"."${name}" t`,
      );
      dump[`${schema}.${name}`] = rows.map((r) => r.row);
    }
    return dump;
  });
}

/** Nest's loggers (both apps) and raw stdout/stderr writes, while `run` runs. */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const record = (...args: unknown[]) => {
    lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  };
  const capturing: LoggerService = {
    log: record,
    error: record,
    warn: record,
    debug: record,
    verbose: record,
    fatal: record,
  };
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  const tap =
    (write: typeof stdoutWrite): typeof stdoutWrite =>
    (chunk: unknown, ...rest: never[]) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return write(chunk as string, ...rest);
    };
  Logger.overrideLogger(capturing);
  process.stdout.write = tap(stdoutWrite);
  process.stderr.write = tap(stderrWrite);
  try {
    await run();
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    Logger.overrideLogger(false); // as the test apps start (logger: false)
  }
  return lines.join('\n');
}

describe('authentication security (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const create = (body: Record<string, unknown>, status = 201) =>
    ctx.client.createUnchecked(body).expect(status);

  /** What the simulator holds for a session (cryptogram, callback_url), via its control API. */
  const simulatedSession = async (sessionId: string) =>
    (await ctx.checkout.control('GET', `/sessions/${sessionId}`)).body;

  const callbackPathOf = async (sessionId: string): Promise<string> =>
    new URL((await simulatedSession(sessionId)).completion.callback_url as string).pathname;

  const eventCount = async (id: string): Promise<number> =>
    (await ctx.api('get', `/v1/authentications/${id}/events`).expect(200)).body.data.length;

  describe("Checkout's callback", () => {
    it('refuses a wrong, unknown or borrowed token with 401, changing nothing and recording nothing', async () => {
      const target = await create(
        aCreateBody(CHALLENGE_Y, { channel_data: aBrowserChannel(), reference: 'CB-TARGET' }),
      );
      const other = await create(
        aCreateBody(CHALLENGE_Y, { channel_data: aBrowserChannel(), reference: 'CB-OTHER' }),
      );
      const id = target.body.id as string;
      const before = (await ctx.api('get', `/v1/authentications/${id}`).expect(200)).body;
      const eventsBefore = await eventCount(id);
      const othersToken = (await callbackPathOf(other.body.checkout_session_id)).split('/').pop()!;
      const forged = { status: 'approved', cryptogram: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=', eci: '05' };

      for (const path of [
        `/callbacks/checkout/${id}/${'x'.repeat(43)}`,
        `/callbacks/checkout/${id}/${othersToken}`,
        `/callbacks/checkout/auth_${'0'.repeat(32)}/${othersToken}`,
      ]) {
        const refused = await request(ctx.orchestrator.http).post(path).send(forged).expect(401);
        expect(refused.body.error).toMatchObject({ code: expect.any(String) });
      }

      const after = (await ctx.api('get', `/v1/authentications/${id}`).expect(200)).body;
      expect(after).toEqual(before);
      expect(await eventCount(id)).toBe(eventsBefore);
    });

    it('re-reads a declined session from Checkout instead of believing a forged approved body', async () => {
      const created = await create(
        aCreateBody(FRICTIONLESS_N, { channel_data: aBrowserChannel(), reference: 'CB-DECLINED' }),
      );
      const id = created.body.id as string;
      await ctx.waitForState(id, 'completed');
      const sessionId = created.body.checkout_session_id as string;

      await request(ctx.orchestrator.http)
        .post(await callbackPathOf(sessionId))
        .send({ status: 'approved', cryptogram: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=', eci: '05' })
        .expect(200);

      const truth = await ctx.checkout.getSession(await ctx.checkout.token(), sessionId);
      expect(truth.body).toMatchObject({ status: 'declined', response_code: 'N' });
      const after = (await ctx.api('get', `/v1/authentications/${id}`).expect(200)).body;
      expect(after).toMatchObject({
        state: 'completed',
        outcome: 'not_authenticated',
        guidance: 'do_not_proceed',
        response_code: truth.body.response_code,
      });
      const result = await ctx.api('get', `/v1/authentications/${id}/result`).expect(200);
      expect(result.body).toMatchObject({ outcome: 'not_authenticated', trans_status: 'N' });
      expect(result.body).not.toHaveProperty('cryptogram');
      expect(result.body.eci).toBe(truth.body.eci);
      expect(result.body.eci).not.toBe('05');
    });

    it('does not finish an authentication waiting for its challenge on a forged approved body', async () => {
      const created = await create(
        aCreateBody(CHALLENGE_Y, { channel_data: aBrowserChannel(), reference: 'CB-CHALLENGE' }),
      );
      expect(created.body.state).toBe('challenge_required');
      const id = created.body.id as string;

      await request(ctx.orchestrator.http)
        .post(await callbackPathOf(created.body.checkout_session_id))
        .send({ status: 'approved', cryptogram: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=', eci: '05' })
        .expect(200);

      const after = (await ctx.api('get', `/v1/authentications/${id}`).expect(200)).body;
      expect(after).toMatchObject({ state: 'challenge_required', outcome: null });
      const early = await ctx.api('get', `/v1/authentications/${id}/result`).expect(409);
      expect(early.body.error.code).toBe('RESULT_NOT_READY');
      expect(await ctx.statePath(id)).toEqual(['created', 'challenge_required']);
    });
  });

  describe('card data at rest and in output', () => {
    /** Frictionless Y and N, a challenge to Y and a network token, all to `completed`. */
    async function runFlows() {
      const browser = { channel_data: aBrowserChannel() };
      const ids: string[] = [];
      for (const [number, reference] of [
        [FRICTIONLESS_Y, 'PAN-Y'],
        [FRICTIONLESS_N, 'PAN-N'],
      ]) {
        ids.push((await create(aCreateBody(number, { ...browser, reference }))).body.id);
      }
      const token = {
        source: {
          type: 'network_token',
          token: NETWORK_TOKEN_Y,
          expiry_month: 6,
          expiry_year: 2031,
        },
      };
      ids.push(
        (await create(aCreateBody('', { ...browser, ...token, reference: 'PAN-NT' }))).body.id,
      );
      const challenged = await create(aCreateBody(CHALLENGE_Y, { ...browser, reference: 'PAN-C' }));
      ids.push(challenged.body.id);
      const cres = await answerChallenge(
        challenged.body.next_action.acs_url,
        challenged.body.next_action.creq,
        { password: 'Checkout1!' },
      );
      const notification = formOf(cres.html);
      await postForm(notification.action, notification.fields);

      const secrets: string[] = [FRICTIONLESS_Y, FRICTIONLESS_N, NETWORK_TOKEN_Y, CHALLENGE_Y];
      const cryptograms: string[] = [];
      for (const id of ids) {
        const done = await ctx.waitForState(id, 'completed');
        // The API hands the cryptogram out (decrypted) to the owning team.
        await ctx.api('get', `/v1/authentications/${id}/result`).expect(200);
        const simulated = await simulatedSession(done.checkout_session_id as string);
        if (simulated.cryptogram) cryptograms.push(simulated.cryptogram as string);
        secrets.push(
          new URL(simulated.completion.callback_url as string).pathname.split('/').pop()!,
        );
      }
      expect(cryptograms).toHaveLength(3);
      return [...secrets, ...cryptograms];
    }

    it('keeps no PAN, cryptogram or callback token in clear in any table', async () => {
      const secrets = await runFlows();
      const dump = await dumpDatabase();

      expect(dump['public.authentications']).toHaveLength(4);
      expect(dump['public.authentication_events'].length).toBeGreaterThan(8);
      const text = JSON.stringify(dump);
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
      const rows = dump['public.authentications'].map((row) => JSON.parse(row));
      const sealed = rows.filter((row) => row.cryptogram_ciphertext !== null);
      expect(sealed).toHaveLength(3);
      sealed.forEach((row) => expect(row.cryptogram_ciphertext).toMatch(/^v1\./));
      expect(rows.map((row) => `${row.card_bin}…${row.card_last4}`).sort()).toEqual(
        ['424242…4242', '448504…6584', '453962…7863', '454347…9996'].sort(),
      );
    });

    it('logs no PAN, cryptogram or callback token, on success or on failure', async () => {
      let secrets: string[] = [];
      const output = await captureOutput(async () => {
        secrets = await runFlows();
        const invalid = aCreateBody(LUHN_INVALID, { reference: 'LOG-400' });
        await create({ ...invalid, source: { ...invalid.source, cvv: '8264' } }, 400);
        const fault = { route: 'POST /sessions', kind: 'status', status: 503, times: 1 };
        await ctx.checkout.control('POST', '/faults', fault);
        await create(aCreateBody(FRICTIONLESS_Y, { reference: 'LOG-503' }), 503);
      });

      expect(output).toContain('authentication transition');
      expect(output).toContain('UPSTREAM_BUSY'); // the warning path ran too
      expect([...secrets, LUHN_INVALID].filter((secret) => output.includes(secret))).toEqual([]);
    });

    it('never echoes a refused card number or CVV in the error body', async () => {
      for (const number of [LUHN_INVALID, FRICTIONLESS_Y]) {
        const body = aCreateBody(number, { reference: 'ECHO' });
        const refused = await create({ ...body, source: { ...body.source, cvv: '8264' } }, 400);
        expect(refused.body.error.code).toBe('VALIDATION_FAILED');
        expect(refused.text).not.toContain(number);
        expect(refused.text).not.toContain(number.slice(6));
        expect(refused.text).not.toContain('8264');
      }
    });
  });

  describe('request validation', () => {
    const card = aCreateBody(FRICTIONLESS_Y, { reference: 'VALIDATION' });
    const json = (body: unknown) => () => ctx.client.createUnchecked(body);
    type Case = { refused: string; send: () => PromiseLike<Answer>; status: number; code: string };
    type FieldError = { param: string; message: string };
    const invalid = (refused: string, body: unknown, field?: FieldError) => ({
      refused,
      send: json(body),
      status: 400,
      code: 'VALIDATION_FAILED',
      field,
    });
    const AMOUNT = 'must be an integer between 0 and 9007199254740991';
    const cases: (Case & { field?: FieldError })[] = [
      invalid('a Luhn-invalid card number', aCreateBody(LUHN_INVALID), {
        param: 'source.number',
        message: 'must be a 13–19 digit card number with a valid check digit',
      }),
      invalid(
        'an expired card',
        { ...card, source: { ...card.source, expiry_month: 1, expiry_year: 2020 } },
        {
          param: 'source.expiry_year',
          message: 'is in the past: the card has expired (expiry_month / expiry_year)',
        },
      ),
      invalid(
        'a CVV',
        { ...card, source: { ...card.source, cvv: '123' } },
        { param: 'source.cvv', message: 'is not allowed' },
      ),
      invalid(
        'an unknown top-level field',
        { ...card, state: 'completed' },
        { param: 'state', message: 'is not allowed' },
      ),
      invalid('a negative amount', { ...card, amount: -1 }, { param: 'amount', message: AMOUNT }),
      invalid(
        'a fractional amount',
        { ...card, amount: 65.4 },
        { param: 'amount', message: AMOUNT },
      ),
      invalid(
        'an unknown currency',
        { ...card, currency: 'ZZZ' },
        { param: 'currency', message: 'must be an ISO 4217 currency code, such as EUR' },
      ),
      invalid(
        'app channel data on a browser authentication',
        { ...card, channel_data: anAppChannel() },
        { param: 'channel_data.channel', message: 'must be browser, the same as channel' },
      ),
      invalid(
        'browser channel data on an app authentication',
        { ...card, channel: 'app', channel_data: aBrowserChannel() },
        { param: 'channel_data.channel', message: 'must be app, the same as channel' },
      ),
      {
        refused: 'a body that is not JSON',
        // Raw HTTP on purpose: the typed client cannot send a body that is not JSON.
        send: () =>
          ctx
            .api('post', '/v1/authentications')
            .set('idempotency-key', randomUUID())
            .set('content-type', 'application/json')
            .send('{"source": {'),
        status: 400,
        code: 'MALFORMED_BODY',
      },
      {
        refused: 'a 1.5 MB body',
        send: json({ ...card, reference: 'x'.repeat(1_500_000) }),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        refused: 'no Authorization header',
        send: () => ctx.client.create(card, { headers: { authorization: null } }),
        status: 401,
        code: 'UNAUTHENTICATED',
      },
      {
        refused: 'an unknown API key',
        send: () => ctx.client.as('not-a-team-key-000000000').create(card),
        status: 401,
        code: 'UNAUTHENTICATED',
      },
    ];

    it.each(cases)(
      'refuses $refused with $status $code, before calling Checkout',
      async ({ send, status, code, field }) => {
        const response = await send();

        expect(response.status).toBe(status);
        expect(response.body.error).toMatchObject({ code, message: expect.any(String) });
        if (field) {
          expect(response.body.error.details.errors).toContainEqual(field);
        }
        const counters = await ctx.checkout.control('GET', '/counters');
        expect(counters.body.sessions_created).toBe(0);
        const stored = await withDatabase((c) => c.query('SELECT 1 FROM authentications'));
        expect(stored.rowCount).toBe(0);
      },
    );

    it('refuses channel data for the other channel on an open authentication with a 4xx', async () => {
      const created = await create(aCreateBody(FRICTIONLESS_Y, { reference: 'WRONG-CHANNEL' }));
      const refused = await ctx
        .api('post', `/v1/authentications/${created.body.id}/channel-data`)
        .send({ channel_data: anAppChannel() });

      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      expect(refused.body.error).toMatchObject({ code: expect.any(String) });
      const after = (await ctx.api('get', `/v1/authentications/${created.body.id}`)).body;
      expect(after.state).toBe('awaiting_issuer_fingerprint');
    });
  });

  describe('team isolation', () => {
    it("answers 404 AUTHENTICATION_NOT_FOUND to another team, as for an id that doesn't exist", async () => {
      const created = await create(
        aCreateBody(FRICTIONLESS_N, { channel_data: aBrowserChannel(), reference: 'TEAM-A-ONLY' }),
      );
      const id = created.body.id as string;
      await ctx.waitForState(id, 'completed');
      const missing = `auth_${'a'.repeat(26)}`;
      const withoutRequestId = (text: string) => text.replace(/"request_id":"[^"]*"/, '');

      for (const suffix of ['', '/result', '/events']) {
        const hidden = await ctx.api('get', `/v1/authentications/${id}${suffix}`, TEAM_B.apiKey);
        const absent = await ctx.api(
          'get',
          `/v1/authentications/${missing}${suffix}`,
          TEAM_B.apiKey,
        );
        expect(hidden.status).toBe(404);
        expect(hidden.body.error.code).toBe('AUTHENTICATION_NOT_FOUND');
        expect(hidden.text).not.toContain('TEAM-A-ONLY');
        expect(withoutRequestId(hidden.text.replace(id, missing))).toBe(
          withoutRequestId(absent.text),
        );
      }
      await ctx.api('get', `/v1/authentications/${id}/result`).expect(200);
    });
  });
});
