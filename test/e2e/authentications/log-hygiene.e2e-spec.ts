import testCards from '../../../contracts/checkout/test-cards.json' with { type: 'json' };
import { CapturedLogger } from '../../support/captured-logger.js';
import { Orchestration } from '../../support/orchestration.js';
import { answerChallenge, formOf, postForm } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

const PAN_SHAPED = /(?<!\d)\d{13,19}(?!\d)/;

/** No log line of the orchestrator may carry a PAN, a cryptogram, a token or a session secret. */
describe('log hygiene (e2e)', () => {
  const logger = new CapturedLogger();
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({ logger });
  });
  afterAll(() => ctx.close());

  it('logs flows without PANs, cryptograms or secrets', async () => {
    const pans = ['4485040371536584', '4242424242424242', '4539628347117863'];
    const cryptograms: string[] = [];
    for (const [index, number] of pans.entries()) {
      const created = await ctx
        .api('post', '/v1/authentications')
        .send({
          source: { type: 'card', number, expiry_month: 12, expiry_year: 2030 },
          amount: 100,
          currency: 'EUR',
          channel: 'browser',
          reference: `LOG-${index}`,
          channel_data: aBrowserChannel(),
        })
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
    await ctx
      .api('post', '/v1/authentications')
      .send({
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
