import request from 'supertest';
import { TeamApi } from '../../support/api.js';
import { recordedCheckoutPerSpec } from '../../support/recorded-checkout.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_A } from '../../support/test-config.js';

/** Enrolled, with a 3DS Method URL: the flow asks for the issuer's fingerprint first. */
const METHOD_CARD = '4485040371536584';

/**
 * The 3DS Method's outcome (EMV threeDSCompInd) reaches Checkout with the browser data sent
 * afterwards, as it was reported; a value the team sends itself wins.
 */
describe('3DS Method completion carried into channel data (e2e)', () => {
  const ctx = recordedCheckoutPerSpec();
  let keys = 0;

  const api = (path: string, body: object) =>
    request(ctx.orchestrator.http)
      .post(path)
      .set('authorization', `Bearer ${TEAM_A.apiKey}`)
      .set('idempotency-key', `method-completion-${++keys}`)
      .send(body);

  /** Created without browser data, fingerprint reported as `completion`, then browser data. */
  async function collectDataAfterFingerprint(completion: string, browser: object) {
    const created = await new TeamApi(ctx.orchestrator.url)
      .create(aCreateBody(METHOD_CARD), { idempotencyKey: `method-completion-${++keys}` })
      .expect(201);
    expect(created.body.state).toBe('awaiting_issuer_fingerprint');
    const id = created.body.id as string;
    await api(`/v1/authentications/${id}/issuer-fingerprint`, { completion }).expect(200);
    await api(`/v1/authentications/${id}/channel-data`, { channel_data: browser }).expect(200);
    const sessionId = created.body.checkout_session_id as string;
    return ctx.checkout.sent('PUT', `/sessions/${sessionId}/collect-data`).map((sent) => sent.body);
  }

  it('sends the reported completion when the team sends none', async () => {
    const bodies = await collectDataAfterFingerprint('Y', aBrowserChannel());
    expect(bodies).toEqual([expect.objectContaining({ three_ds_method_completion: 'Y' })]);
  });

  it("keeps the team's own value", async () => {
    const browser = aBrowserChannel({ three_ds_method_completion: 'U' });
    const bodies = await collectDataAfterFingerprint('N', browser);
    expect(bodies).toEqual([expect.objectContaining({ three_ds_method_completion: 'U' })]);
  });
});
