import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_A, TEAM_B } from '../../support/test-config.js';

/** GET /v1/authentications: filters, keyset pages, one team's rows only. */
describe('listing authentications (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const createFor = async (reference: string, withData = false, apiKey: string = TEAM_A.apiKey) =>
    (
      await ctx.client
        .as(apiKey)
        .create(
          aCreateBody('4485040371536584', {
            reference,
            ...(withData ? { channel_data: aBrowserChannel() } : {}),
          }),
        )
        .expect(201)
    ).body.id as string;

  it('filters by reference and state, newest first, in keyset pages', async () => {
    const first = await createFor('ORDER-7');
    const second = await createFor('ORDER-7', true);
    const third = await createFor('ORDER-7');
    await createFor('ORDER-8');
    await createFor('ORDER-7', false, TEAM_B.apiKey);

    const page1 = await ctx.api('get', '/v1/authentications?reference=ORDER-7&limit=2').expect(200);
    expect(page1.body.data.map((row: { id: string }) => row.id)).toEqual([third, second]);
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await ctx
      .api('get', `/v1/authentications?reference=ORDER-7&limit=2&cursor=${page1.body.next_cursor}`)
      .expect(200);
    expect(page2.body).toEqual({
      data: [expect.objectContaining({ id: first })],
      next_cursor: null,
    });

    const waiting = await ctx
      .api('get', '/v1/authentications?reference=ORDER-7&state=awaiting_issuer_fingerprint')
      .expect(200);
    expect(waiting.body.data.map((row: { id: string }) => row.id)).toEqual([third, first]);
  });

  it.each([
    ['an unknown state', 'state=done'],
    ['a limit over 100', 'limit=101'],
    ['a forged cursor', 'cursor=bm90LWEtY3Vyc29y'],
  ])('refuses %s with 400', async (_case, query) => {
    const refused = await ctx.api('get', `/v1/authentications?${query}`).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
  });
});
