import { aClaim, authenticatedOn, FRICTIONLESS_Y } from '../../support/claims.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { answerChallenge, formOf, postForm } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { aStepUp } from '../../support/step-up.js';
import { TEAM_B } from '../../support/test-config.js';

const OTHER_FRICTIONLESS = '4485040371536584';
type Entry = { event: string; detail: Record<string, unknown> | null };

/** docs/step-up.md: a new authentication after a soft decline, challenged, linked both ways. */
describe('step-up after a soft decline (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    // Every channel enabled: a merchant-initiated step-up is then the body's to refuse.
    ctx = await Orchestration.start({ channels: ['browser', 'app', 'merchant_initiated'] });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const authenticated = () => authenticatedOn(ctx, FRICTIONLESS_Y);
  const timeline = async (id: string): Promise<Entry[]> =>
    (await ctx.client.events(id).expect(200)).body.data;

  it('challenges the card the issuer let through, and links both authentications: answers, timelines, team events', async () => {
    const original = await authenticated();
    const stepUp = (await ctx.client.stepUp(original, aStepUp()).expect(201)).body;
    expect(stepUp).toMatchObject({
      id: expect.not.stringMatching(original),
      state: 'challenge_required',
      next_action: { type: 'challenge', channel: 'browser' },
      amount: 6540,
      currency: 'EUR',
      reference: 'ORDER-1001',
      stepped_up_from: original,
      stepped_up_to: null,
      exemption_decision: {
        decided_by: 'request',
        challenge_indicator: 'challenge_requested_mandate',
      },
    });
    // What Checkout was sent: the mandate, whatever the team's exemption policy.
    const session = await ctx.checkoutTruth(stepUp.checkout_session_id);
    expect(session.challenge_indicator).toBe('challenge_requested_mandate');
    expect((await ctx.client.get(original).expect(200)).body).toMatchObject({
      stepped_up_from: null,
      stepped_up_to: stepUp.id,
    });
    expect((await ctx.client.get(stepUp.id).expect(200)).body.stepped_up_from).toBe(original);

    expect(await timeline(original)).toContainEqual(
      expect.objectContaining({ event: 'stepped_up', detail: { stepped_up_to: stepUp.id } }),
    );
    const [created] = await timeline(stepUp.id);
    expect(created).toMatchObject({ event: 'created', detail: { stepped_up_from: original } });

    const cres = await answerChallenge(stepUp.next_action.acs_url, stepUp.next_action.creq, {
      password: 'Checkout1!',
    });
    const notification = formOf(cres.html);
    expect((await postForm(notification.action, notification.fields)).status).toBe(200);
    const done = await ctx.waitForState(stepUp.id, 'completed');
    expect(done).toMatchObject({ outcome: 'authenticated', stepped_up_from: original });
    const events = (await ctx.api('get', `/v1/events?authentication_id=${stepUp.id}`).expect(200))
      .body.data as { type: string; payload: { data: Record<string, unknown> } }[];
    const completed = events.find((event) => event.type === 'authentication.completed');
    expect(completed?.payload.data).toMatchObject({
      authentication_id: stepUp.id,
      stepped_up_from: original,
    });
  });

  it('takes a lower amount, and refuses a higher one or another currency (422)', async () => {
    const original = await authenticated();
    const higher = await ctx.client.stepUp(original, aStepUp(FRICTIONLESS_Y, { amount: 6541 }));
    expect([higher.status, higher.body.error]).toEqual([
      422,
      expect.objectContaining({
        code: 'STEP_UP_EXCEEDS_ORIGINAL',
        details: {
          errors: [
            {
              param: 'amount',
              message: "must be at most the original authentication's amount, 6540",
            },
          ],
        },
      }),
    ]);
    const currency = await ctx.client
      .stepUp(original, aStepUp(FRICTIONLESS_Y, { currency: 'gbp' }))
      .expect(422);
    expect(currency.body.error).toMatchObject({
      code: 'STEP_UP_EXCEEDS_ORIGINAL',
      details: {
        errors: [
          { param: 'currency', message: "must be the original authentication's currency, EUR" },
        ],
      },
    });
    const lower = await ctx.client
      .stepUp(original, aStepUp(FRICTIONLESS_Y, { amount: 5000, currency: 'eur' }))
      .expect(201);
    expect(lower.body).toMatchObject({ amount: 5000, currency: 'EUR', stepped_up_from: original });
  });

  it('refuses another card (422), and an original whose card number it never saw (422)', async () => {
    const original = await authenticated();
    const other = await ctx.client.stepUp(original, aStepUp(OTHER_FRICTIONLESS)).expect(422);
    expect(other.body.error).toMatchObject({
      code: 'STEP_UP_CARD_MISMATCH',
      details: { errors: [{ param: 'source', message: expect.any(String) }] },
    });
    expect(other.text).not.toContain(OTHER_FRICTIONLESS);

    const token = { type: 'token' as const, token: `tok_${'u'.repeat(26)}` };
    const stored = await ctx.client
      .create(aCreateBody(FRICTIONLESS_Y, { source: token, channel_data: aBrowserChannel() }))
      .expect(201);
    expect(stored.body.state).toBe('result_ready');
    const refused = await ctx.client
      .stepUp(stored.body.id, aStepUp(FRICTIONLESS_Y, { source: token }))
      .expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'STEP_UP_NOT_POSSIBLE',
      details: { authentication_id: stored.body.id, source_type: 'token' },
    });
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM authentications`))[0]).toEqual({ n: 2 });
  });

  it('steps an original up once (409), and of concurrent step-ups exactly one wins', async () => {
    const original = await authenticated();
    const first = await ctx.client.stepUp(original, aStepUp()).expect(201);
    const second = await ctx.client.stepUp(original, aStepUp()).expect(409);
    expect(second.body.error).toMatchObject({
      code: 'ALREADY_STEPPED_UP',
      details: { authentication_id: original, stepped_up_to: first.body.id },
    });

    const raced = await authenticated();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => ctx.client.stepUp(raced, aStepUp())),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const winner = answers.find((answer) => answer.status === 201)!.body.id;
    for (const loser of answers.filter((answer) => answer.status === 409)) {
      expect(loser.body.error.code).toBe('ALREADY_STEPPED_UP');
      expect(loser.body.error.details.stepped_up_to).toBe(winner);
    }
    const linked = await ctx.sql(`SELECT id FROM authentications WHERE stepped_up_from = $1`, [
      raced,
    ]);
    expect(linked).toEqual([{ id: winner }]);
    expect((await timeline(raced)).filter((entry) => entry.event === 'stepped_up')).toHaveLength(1);
  });

  it("releases the original's active claim as stepped_up, in its timeline and team events", async () => {
    const original = await authenticated();
    const claim = (await ctx.client.claim(original, aClaim('PAY-1')).expect(201)).body;
    await ctx.client.stepUp(original, aStepUp()).expect(201);
    expect((await ctx.client.claims(original).expect(200)).body.data).toEqual([
      expect.objectContaining({ id: claim.id, status: 'released', release_reason: 'stepped_up' }),
    ]);
    expect(await timeline(original)).toContainEqual(
      expect.objectContaining({
        event: 'claim_released',
        detail: { claim_id: claim.id, reason: 'stepped_up' },
      }),
    );
    const events = (await ctx.api('get', `/v1/events?authentication_id=${original}`).expect(200))
      .body.data as { type: string; payload: { data: { claim?: object } } }[];
    const released = events.find((event) => event.type === 'authentication.claim_released');
    expect(released?.payload.data.claim).toMatchObject({
      id: claim.id,
      release_reason: 'stepped_up',
    });
  });

  it('refuses an unfinished original (409), and a team may not release a claim as stepped_up', async () => {
    const waiting = (await ctx.client.create(aCreateBody(FRICTIONLESS_Y)).expect(201)).body;
    expect(waiting.state).toBe('awaiting_issuer_fingerprint');
    const early = await ctx.client.stepUp(waiting.id, aStepUp()).expect(409);
    expect(early.body.error).toMatchObject({
      code: 'RESULT_NOT_READY',
      details: { authentication_id: waiting.id, state: 'awaiting_issuer_fingerprint' },
    });
    const original = await authenticated();
    const claim = (await ctx.client.claim(original, aClaim('PAY-1')).expect(201)).body;
    const release = await ctx
      .api('post', `/v1/authentications/${original}/claims/${claim.id}/release`)
      .send({ reason: 'stepped_up' })
      .expect(400);
    expect(release.body.error.code).toBe('VALIDATION_FAILED');
  });

  it("answers another team's original like a missing one (404), and refuses bad input with 4xx", async () => {
    const original = await authenticated();
    const other = await ctx.client.as(TEAM_B.apiKey).stepUp(original, aStepUp()).expect(404);
    expect(other.body.error.code).toBe('AUTHENTICATION_NOT_FOUND');

    const path = `/v1/authentications/${original}/step-up`;
    const keyless = await ctx.api('post', path).send(aStepUp()).expect(400);
    expect(keyless.body.error.details.errors).toEqual([
      { param: 'Idempotency-Key', message: 'is required' },
    ]);
    for (const [field, bad] of [
      ['challenge_indicator', { challenge_indicator: 'no_challenge_requested' }],
      ['channel', { channel: 'merchant_initiated' }],
      ['amount', { amount: -1 }],
      ['cvv', { cvv: '123' }],
    ] as const) {
      const refused = await ctx
        .api('post', path)
        .set('idempotency-key', `bad-${field}`)
        .send({ ...aStepUp(), ...bad });
      expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(refused.body.error.details.errors[0].param).toBe(field);
    }
    expect((await ctx.client.get(original).expect(200)).body.stepped_up_to).toBeNull();
  });

  it('answers a retry with the same Idempotency-Key again, and refuses the key for another original', async () => {
    const original = await authenticated();
    const first = await ctx.client
      .stepUp(original, aStepUp(), { idempotencyKey: 'step-up-1' })
      .expect(201);
    const again = await ctx.client
      .stepUp(original, aStepUp(), { idempotencyKey: 'step-up-1' })
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);

    const another = await authenticated();
    const reused = await ctx.client
      .stepUp(another, aStepUp(), { idempotencyKey: 'step-up-1' })
      .expect(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
