import { anAppChannel } from '../../support/simulator/factories.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { formatViolations } from '../../support/psp-contract.js';

/** The app channel: the 3DS SDK's data instead of a browser's; challenges run in the SDK. */
describe('authentication scenarios: app channel (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const createApp = (card: string, channelData?: Record<string, unknown>) =>
    ctx.client.create(aCreateBody(card, { channel: 'app', channel_data: channelData })).expect(201);

  it('frictionless card is authenticated at create and hands back the session secret', async () => {
    const created = await createApp('4485040371536584', anAppChannel());
    expect(created.body).toMatchObject({
      state: 'result_ready',
      channel: 'app',
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      response_code: 'Y',
      checkout_session_secret: expect.stringMatching(/^sek_/),
    });
    const completed = await ctx.waitForState(created.body.id, 'completed');
    expect(completed).not.toHaveProperty('checkout_session_secret');
    expect(await ctx.statePath(created.body.id)).toEqual(['created', 'result_ready', 'completed']);
    const truth = await ctx.checkoutTruth(completed.checkout_session_id as string);
    expect(created.body.checkout_session_secret).toBe(truth.session_secret);
    const results = await ctx.resultsInEveryFormat(created.body.id);
    expect(formatViolations(results, truth.id)).toEqual([]);
    expect(results.generic).toMatchObject({
      authentication_id: created.body.id,
      guidance: 'proceed_with_liability_shift',
      eci: '05',
      cryptogram: truth.cryptogram,
    });
  });

  it('challenge card asks for an SDK challenge with the ACS signed content', async () => {
    const created = await createApp('4242424242424242', anAppChannel());
    const truth = await ctx.checkoutTruth(created.body.checkout_session_id as string);
    expect(created.body).toMatchObject({
      state: 'challenge_required',
      outcome: null,
      guidance: null,
      checkout_session_secret: truth.session_secret,
    });
    expect(created.body.next_action).toEqual({
      type: 'challenge',
      channel: 'app',
      acs_transaction_id: truth.acs.transaction_id,
      acs_reference_number: truth.acs.reference_number,
      acs_signed_content: truth.acs.signed_content,
      three_ds_server_transaction_id: truth.transaction_id,
      protocol_version: truth.protocol_version,
    });
    expect(await ctx.statePath(created.body.id)).toEqual(['created', 'challenge_required']);
    const early = await ctx.api('get', `/v1/authentications/${created.body.id}/result`).expect(409);
    expect(early.body.error.code).toBe('RESULT_NOT_READY');
  });

  it('without channel data at create asks for SDK data, never a browser 3DS Method', async () => {
    const created = await createApp('4485040371536584');
    expect(created.body).toMatchObject({
      state: 'awaiting_channel_data',
      next_action: { type: 'collect_channel_data', channel: 'app', ds_id: 'A000000003' },
    });
    const result = await ctx
      .api('post', `/v1/authentications/${created.body.id}/channel-data`)
      .send({ channel_data: anAppChannel() })
      .expect(200);
    expect(result.body).toMatchObject({ state: 'result_ready', outcome: 'authenticated' });
    await ctx.waitForState(created.body.id, 'completed');
    expect(await ctx.statePath(created.body.id)).toEqual([
      'created',
      'awaiting_channel_data',
      'result_ready',
      'completed',
    ]);
  });
});
