import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import {
  AN_INITIAL_TRANSACTION,
  aBrowserChannel,
  aMerchantInitiatedChannel,
  anAppChannel,
} from '../../support/simulator/factories.js';

const FRICTIONLESS_Y = '4485040371536584';
const CHALLENGE_Y = '4242424242424242';

/** An Idempotency-Key's replay is the first answer again, byte for byte (issue 21, item 10). */
describe('idempotent replays, byte for byte (e2e)', () => {
  let ctx: Orchestration;
  let keys = 0;

  beforeAll(async () => {
    ctx = await Orchestration.start({ channels: ['browser', 'app', 'merchant_initiated'] });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const twice = async (body: object) => {
    const idempotencyKey = `replay-${++keys}`;
    const first = await ctx.client.createUnchecked(body, { idempotencyKey }).expect(201);
    const replay = await ctx.client.createUnchecked(body, { idempotencyKey }).expect(201);
    return { first, replay };
  };
  const storedAnswers = () =>
    ctx.sql<{ response_text: string | null }>('SELECT response_text FROM idempotency_keys');

  it.each([
    ['browser, channel data later', aCreateBody(FRICTIONLESS_Y)],
    ['browser, challenged', aCreateBody(CHALLENGE_Y, { channel_data: aBrowserChannel() })],
    ['app', aCreateBody(FRICTIONLESS_Y, { channel: 'app', channel_data: anAppChannel() })],
    [
      'merchant-initiated (3RI)',
      aCreateBody(FRICTIONLESS_Y, {
        channel: 'merchant_initiated',
        channel_data: aMerchantInitiatedChannel(),
        authentication_type: 'recurring',
        recurring: { days_between_payments: 30, expiry: '20301231' },
        initial_transaction: AN_INITIAL_TRANSACTION,
      }),
    ],
    [
      'hosted',
      aCreateBody(FRICTIONLESS_Y, {
        hosted: {
          success_url: 'https://shop.example/3ds/success',
          failure_url: 'https://shop.example/3ds/failure',
        },
      }),
    ],
  ])('replays a %s create as the bytes first sent', async (_shape, body) => {
    const { first, replay } = await twice(body);
    expect(replay.text).toBe(first.text);
    expect(Buffer.from(replay.text).equals(Buffer.from(first.text))).toBe(true);
    expect(replay.headers['content-type']).toBe(first.headers['content-type']);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
  });

  it("keeps an app's session secret sealed in the stored text, and replays it in clear", async () => {
    const body = aCreateBody(FRICTIONLESS_Y, { channel: 'app', channel_data: anAppChannel() });
    const { first, replay } = await twice(body);
    const secret = first.body.checkout_session_secret as string;
    expect(secret).toEqual(expect.any(String));
    expect(replay.text).toContain(secret);
    const [stored] = await storedAnswers();
    expect(stored.response_text).not.toContain(secret);
    expect(JSON.parse(stored.response_text!).checkout_session_secret).toEqual({
      sealed: expect.any(String),
    });
  });

  it('still replays an answer kept as jsonb before the text was kept', async () => {
    const body = aCreateBody(FRICTIONLESS_Y, { channel_data: aBrowserChannel() });
    const idempotencyKey = `replay-old-${++keys}`;
    const first = await ctx.client.createUnchecked(body, { idempotencyKey }).expect(201);
    await ctx.sql(
      `UPDATE idempotency_keys SET response_body = response_text::jsonb, response_text = NULL`,
    );
    const replay = await ctx.client.createUnchecked(body, { idempotencyKey }).expect(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });
});
