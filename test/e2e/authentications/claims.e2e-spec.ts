import {
  aClaim,
  AUTHENTICATED,
  authenticatedOn,
  FRICTIONLESS_N,
  FRICTIONLESS_Y,
} from '../../support/claims.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { TEAM_B } from '../../support/test-config.js';

/** docs/claims.md: one payment at a time may use a result. */
describe('result claims (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const authenticated = (card = FRICTIONLESS_Y) => authenticatedOn(ctx, card);

  it('records the first claim (201) with the result, and answers the same payment again (200)', async () => {
    const id = await authenticated();
    const first = await ctx.client.claim(id, aClaim('PAY-1')).expect(201);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body).toMatchObject({
      id: expect.stringMatching(/^clm_[a-z2-7]{26}$/),
      authentication_id: id,
      payment_reference: 'PAY-1',
      psp: 'stripe',
      amount: AUTHENTICATED,
      currency: 'EUR',
      status: 'active',
      release_reason: null,
      released_at: null,
    });
    const stripe = (await ctx.client.result(id, 'stripe').expect(200)).body;
    expect(first.body.result).toEqual(stripe);

    const again = await ctx.client.claim(id, aClaim('PAY-1')).expect(200);
    expect(again.body).toEqual(first.body);
    expect((await ctx.client.claims(id).expect(200)).body.data).toHaveLength(1);
  });

  it('refuses another payment while the claim holds, naming the claim (409)', async () => {
    const id = await authenticated();
    const first = await ctx.client.claim(id, aClaim('PAY-1')).expect(201);
    const other = await ctx.client.claim(id, aClaim('PAY-2', { psp: 'adyen' })).expect(409);
    expect(other.body.error).toMatchObject({
      code: 'RESULT_ALREADY_CLAIMED',
      details: { authentication_id: id, claim_id: first.body.id, payment_reference: 'PAY-1' },
    });
  });

  it('refuses the same payment reference with other content (422)', async () => {
    const id = await authenticated();
    const first = await ctx.client.claim(id, aClaim('PAY-1')).expect(201);
    const reused = await ctx.client.claim(id, aClaim('PAY-1', { amount: 100 })).expect(422);
    expect(reused.body.error).toMatchObject({
      code: 'PAYMENT_REFERENCE_REUSED',
      details: { claim_id: first.body.id },
    });
  });

  it('lets a lower amount claim, never a higher one or another currency (422)', async () => {
    const id = await authenticated();
    const higher = await ctx.client
      .claim(id, aClaim('PAY-1', { amount: AUTHENTICATED + 1 }))
      .expect(422);
    // docs/errors.md#details: a refused field is named in details.errors, as everywhere.
    expect(higher.body.error).toMatchObject({
      code: 'CLAIM_EXCEEDS_AUTHENTICATION',
      details: {
        errors: [
          {
            param: 'amount',
            message: `must be at most the authenticated amount, ${AUTHENTICATED}`,
          },
        ],
      },
    });
    const currency = await ctx.client.claim(id, aClaim('PAY-1', { currency: 'GBP' })).expect(422);
    expect(currency.body.error).toMatchObject({
      code: 'CLAIM_EXCEEDS_AUTHENTICATION',
      details: {
        errors: [{ param: 'currency', message: 'must be the authenticated currency, EUR' }],
      },
    });
    await ctx.client.claim(id, aClaim('PAY-1', { amount: AUTHENTICATED - 1 })).expect(201);
  });

  it('takes a currency in any letter case and keeps it upper case, on the authentication and its claims', async () => {
    const id = await authenticatedOn(ctx, FRICTIONLESS_Y, { currency: 'eur' });
    expect((await ctx.client.get(id).expect(200)).body.currency).toBe('EUR');
    const claim = await ctx.client.claim(id, aClaim('PAY-1', { currency: 'eur' })).expect(201);
    expect(claim.body.currency).toBe('EUR');
    // The same payment again, in another letter case: the same claim.
    await ctx.client.claim(id, aClaim('PAY-1', { currency: 'Eur' })).expect(200);
    const rows = await ctx.sql(
      `SELECT a.currency AS authenticated, c.currency AS claimed
       FROM authentications a JOIN result_claims c ON c.authentication_id = a.id WHERE a.id = $1`,
      [id],
    );
    expect(rows).toEqual([{ authenticated: 'EUR', claimed: 'EUR' }]);
  });

  it('refuses results no payment may use and authentications without a result yet', async () => {
    const declined = await authenticated(FRICTIONLESS_N);
    const refused = await ctx.client.claim(declined, aClaim('PAY-1')).expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'RESULT_NOT_CLAIMABLE',
      details: { outcome: 'not_authenticated', guidance: 'do_not_proceed' },
    });

    const waiting = await ctx.client.create(aCreateBody(FRICTIONLESS_Y)).expect(201);
    const early = await ctx.client.claim(waiting.body.id, aClaim('PAY-1')).expect(409);
    expect(early.body.error.code).toBe('RESULT_NOT_READY');
  });

  it('lets another payment claim once the first is released; releasing again changes nothing', async () => {
    const id = await authenticated();
    const first = await ctx.client.claim(id, aClaim('PAY-1')).expect(201);
    const released = await ctx.client.release(id, first.body.id, 'declined').expect(200);
    expect(released.body).toMatchObject({
      id: first.body.id,
      status: 'released',
      release_reason: 'declined',
      released_at: expect.any(String),
    });
    const twice = await ctx.client.release(id, first.body.id, 'timed_out').expect(200);
    expect(twice.body).toEqual(released.body);

    const second = await ctx.client.claim(id, aClaim('PAY-2', { psp: 'checkout' })).expect(201);
    expect(second.body.result).toEqual({
      '3ds': { enabled: true, authentication_id: expect.stringMatching(/^sid_/) },
    });
    const unknown = 'clm_aaaaaaaaaaaaaaaaaaaaaaaaaa';
    const missing = await ctx.client.release(id, unknown, 'cancelled').expect(404);
    expect(missing.body.error.code).toBe('CLAIM_NOT_FOUND');
  });

  it('gives exactly one of 50 concurrent claims for different payments', async () => {
    const id = await authenticated();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) => ctx.client.claim(id, aClaim(`PAY-${n}`))),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const winner = answers.find((answer) => answer.status === 201)!.body;
    for (const loser of answers.filter((answer) => answer.status === 409)) {
      expect(loser.body.error.details).toMatchObject({
        claim_id: winner.id,
        payment_reference: winner.payment_reference,
      });
    }
    const [claimed] = await ctx.sql(`SELECT count(*)::int AS n FROM result_claims`);
    expect(claimed).toEqual({ n: 1 });
  });

  it('shows the claim in the generic result, the timeline and the team events', async () => {
    const id = await authenticated();
    expect((await ctx.client.result(id).expect(200)).body).not.toHaveProperty('claim');
    const claim = (await ctx.client.claim(id, aClaim('PAY-1', { psp: 'generic' })).expect(201))
      .body;
    expect((await ctx.client.result(id).expect(200)).body.claim).toEqual({
      id: claim.id,
      payment_reference: 'PAY-1',
      status: 'active',
    });
    await ctx.client.release(id, claim.id, 'cancelled').expect(200);
    expect((await ctx.client.result(id).expect(200)).body).not.toHaveProperty('claim');

    const timeline = (await ctx.client.events(id).expect(200)).body.data;
    expect(timeline.filter((entry: { event: string }) => entry.event.includes('claim'))).toEqual([
      expect.objectContaining({
        event: 'result_claimed',
        source: 'api',
        from_state: null,
        to_state: null,
        detail: {
          claim_id: claim.id,
          payment_reference: 'PAY-1',
          psp: 'generic',
          amount: 6540,
          currency: 'EUR',
        },
      }),
      expect.objectContaining({
        event: 'claim_released',
        detail: { claim_id: claim.id, reason: 'cancelled' },
      }),
    ]);

    const events = (await ctx.api('get', `/v1/events?authentication_id=${id}`).expect(200)).body
      .data;
    const byType = (type: string) => events.find((event: { type: string }) => event.type === type);
    expect(byType('authentication.claimed').payload).toMatchObject({
      type: 'authentication.claimed',
      data: {
        authentication_id: id,
        claim: { id: claim.id, payment_reference: 'PAY-1', status: 'active' },
      },
    });
    expect(byType('authentication.claim_released').payload.data.claim).toMatchObject({
      id: claim.id,
      status: 'released',
      release_reason: 'cancelled',
    });
    expect(JSON.stringify(events)).not.toContain('cryptogram');
  });

  it('counts claims by how they ended in /metrics', async () => {
    const count = async (outcome: string) => {
      const text = (await ctx.api('get', '/metrics').expect(200)).text;
      const line = new RegExp(`^threeds_claims_total\\{outcome="${outcome}"\\} (\\d+)$`, 'm');
      return Number(line.exec(text)?.[1] ?? 0);
    };
    const exposed = (await ctx.api('get', '/metrics').expect(200)).text;
    for (const outcome of ['expired', 'conflict']) {
      expect(exposed).toMatch(
        new RegExp(`^threeds_claims_total\\{outcome="${outcome}"\\} \\d+$`, 'm'),
      );
    }
    const outcomes = ['created', 'replayed', 'already_claimed', 'refused', 'released'];
    const before = await Promise.all(outcomes.map(count));
    const id = await authenticated();
    const first = await ctx.client.claim(id, aClaim('PAY-1')).expect(201);
    await ctx.client.claim(id, aClaim('PAY-1')).expect(200);
    await ctx.client.claim(id, aClaim('PAY-2')).expect(409);
    await ctx.client.claim(id, aClaim('PAY-3', { currency: 'GBP' })).expect(422);
    await ctx.client.release(id, first.body.id, 'declined').expect(200);
    const after = await Promise.all(outcomes.map(count));
    expect(after.map((value, n) => value - before[n])).toEqual([1, 1, 1, 1, 1]);
  });

  it("answers another team's authentication like a missing one, and refuses bad input with 4xx", async () => {
    const id = await authenticated();
    const other = await ctx.client.as(TEAM_B.apiKey).claim(id, aClaim('PAY-1')).expect(404);
    expect(other.body.error.code).toBe('AUTHENTICATION_NOT_FOUND');
    await ctx.client.as(TEAM_B.apiKey).claims(id).expect(404);

    const card = await ctx
      .api('post', `/v1/authentications/${id}/claims`)
      .send(aClaim('4242 4242 4242 4242'))
      .expect(400);
    expect(card.body.error.code).toBe('CARD_DATA_NOT_ALLOWED');
    for (const bad of [
      aClaim(''),
      aClaim('x'.repeat(101)),
      aClaim('PAY-1', { psp: 'paypal' }),
      aClaim('PAY-1', { amount: -1 }),
      aClaim('PAY-1', { amount: 1.5 }),
      aClaim('PAY-1', { currency: 'EURO' }),
      { psp: 'stripe', amount: 1, currency: 'EUR' },
    ]) {
      const refused = await ctx.api('post', `/v1/authentications/${id}/claims`).send(bad);
      expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const reason = await ctx
      .api('post', `/v1/authentications/${id}/claims/clm_aaaaaaaaaaaaaaaaaaaaaaaaaa/release`)
      .send({ reason: 'because' })
      .expect(400);
    expect(reason.body.error.code).toBe('VALIDATION_FAILED');
    expect((await ctx.client.claims(id).expect(200)).body.data).toEqual([]);
  });
});
