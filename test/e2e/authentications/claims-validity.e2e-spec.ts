import { aClaim, authenticatedOn } from '../../support/claims.js';
import { Orchestration } from '../../support/orchestration.js';
import { waitUntil } from '../../support/wait-until.js';

/**
 * A validity of 1 ms: the claim is sent once the database's clock, which judges it, is past the
 * result's time plus that (a condition waited on, not a sleep that races the machine).
 */
describe('result claims after the validity (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start({ claims: { validityMs: 1 } });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('refuses a claim once the result is older than RESULT_CLAIM_VALIDITY_SECONDS (410)', async () => {
    const id = await authenticatedOn(ctx);
    await waitUntil(async () => {
      const [row] = await ctx.sql<{ past: boolean }>(
        `SELECT now() > min(created_at) + interval '1 millisecond' AS past
         FROM authentication_events WHERE authentication_id = $1 AND to_state = 'result_ready'`,
        [id],
      );
      return row?.past ? true : undefined;
    });
    const expired = await ctx.client.claim(id, aClaim('PAY-1')).expect(410);
    expect(expired.body.error).toMatchObject({
      code: 'RESULT_EXPIRED',
      details: { authentication_id: id },
    });
    expect((await ctx.client.claims(id).expect(200)).body.data).toEqual([]);
    expect((await ctx.client.result(id).expect(200)).body).not.toHaveProperty('claim');
  });
});
