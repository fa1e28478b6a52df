import { aClaim, authenticatedOn, FRICTIONLESS_Y } from '../../support/claims.js';
import { Orchestration } from '../../support/orchestration.js';
import { answerChallenge, formOf, postForm } from '../../support/simulator/browser.js';
import { aStepUp } from '../../support/step-up.js';

type TeamEvent = { type: string; payload: { data: { claim?: { id: string } } } };

/** docs/step-up.md#links-claims-and-events: a stepped-up original's result serves no payment. */
describe('claims of a stepped-up authentication (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const authenticated = () => authenticatedOn(ctx, FRICTIONLESS_Y);
  const claimReleasedEvents = async (id: string) =>
    (
      (await ctx.api('get', `/v1/events?authentication_id=${id}`).expect(200)).body
        .data as TeamEvent[]
    ).filter((event) => event.type === 'authentication.claim_released');

  it("refuses a claim on the original once stepped up (409), and takes one on the step-up's result", async () => {
    const original = await authenticated();
    const stepUp = (await ctx.client.stepUp(original, aStepUp()).expect(201)).body;
    const refused = await ctx.client.claim(original, aClaim('PAY-1')).expect(409);
    expect(refused.body.error).toMatchObject({
      code: 'RESULT_STEPPED_UP',
      details: { authentication_id: original, stepped_up_to: stepUp.id },
    });
    expect((await ctx.client.claims(original).expect(200)).body.data).toEqual([]);

    const cres = await answerChallenge(stepUp.next_action.acs_url, stepUp.next_action.creq, {
      password: 'Checkout1!',
    });
    const notification = formOf(cres.html);
    expect((await postForm(notification.action, notification.fields)).status).toBe(200);
    await ctx.waitForState(stepUp.id, 'completed');
    const claimed = await ctx.client.claim(stepUp.id, aClaim('PAY-1')).expect(201);
    expect(claimed.body).toMatchObject({ authentication_id: stepUp.id, status: 'active' });
  });

  it("releases the original's claim with the step-up, told once however often the step-up is retried", async () => {
    const original = await authenticated();
    const claim = (await ctx.client.claim(original, aClaim('PAY-1')).expect(201)).body;
    const key = { idempotencyKey: 'step-up-claims-1' };
    const first = await ctx.client.stepUp(original, aStepUp(), key).expect(201);
    const again = await ctx.client.stepUp(original, aStepUp(), key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);

    const [row] = await ctx.sql(`SELECT status, release_reason FROM result_claims WHERE id = $1`, [
      claim.id,
    ]);
    expect(row).toEqual({ status: 'released', release_reason: 'stepped_up' });
    const released = await claimReleasedEvents(original);
    expect(released.map((event) => event.payload.data.claim?.id)).toEqual([claim.id]);
    const timeline = (await ctx.client.events(original).expect(200)).body.data as {
      event: string;
    }[];
    expect(timeline.filter((entry) => entry.event === 'claim_released')).toHaveLength(1);
  });

  it('leaves no active claim on an original whose claims race its step-up', async () => {
    for (let round = 0; round < 3; round++) {
      const original = await authenticated();
      const answers = await Promise.all([
        ctx.client.stepUp(original, aStepUp()),
        ...Array.from({ length: 4 }, (_, i) => ctx.client.claim(original, aClaim(`PAY-${i}`))),
      ]);
      const [stepUp, ...claims] = answers;
      expect(stepUp.status).toBe(201);
      for (const answer of claims) {
        expect([201, 409]).toContain(answer.status);
        if (answer.status === 409) {
          expect(['RESULT_STEPPED_UP', 'RESULT_ALREADY_CLAIMED']).toContain(answer.body.error.code);
        }
      }
      const active = await ctx.sql(
        `SELECT id FROM result_claims WHERE authentication_id = $1 AND status = 'active'`,
        [original],
      );
      expect(active).toEqual([]);
      const won = claims.filter((answer) => answer.status === 201).map((a) => a.body.id);
      const released = await claimReleasedEvents(original);
      expect(released.map((event) => event.payload.data.claim?.id)).toEqual(won);
    }
  });
});
