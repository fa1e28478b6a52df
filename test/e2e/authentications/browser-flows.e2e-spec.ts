import {
  answerChallenge,
  followThreeDsMethod,
  formOf,
  postForm,
  runThreeDsMethod,
} from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';

describe('browser authentications (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('runs a frictionless Y: 3DS Method, channel data, authenticated, completed', async () => {
    const created = await ctx.client.create(aCreateBody('4485040371536584')).expect(201);
    expect(created.body).toMatchObject({
      state: 'awaiting_issuer_fingerprint',
      outcome: null,
      card: { bin: '448504', last4: '6584', scheme: 'visa' },
    });
    const method = created.body.next_action;
    expect(method).toMatchObject({ type: 'three_ds_method', timeout_seconds: 10 });

    const backToUs = await followThreeDsMethod(method);
    expect(backToUs.action).toBe(
      `${ctx.orchestrator.url}/notifications/3ds-method/${created.body.id}`,
    );
    const fingerprinted = await ctx.waitForState(created.body.id, 'awaiting_channel_data');
    expect(fingerprinted.next_action).toEqual({ type: 'collect_channel_data', channel: 'browser' });

    const result = await ctx
      .api('post', `/v1/authentications/${created.body.id}/channel-data`)
      .send({ channel_data: aBrowserChannel() })
      .expect(200);
    expect(result.body).toMatchObject({
      state: 'result_ready',
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      response_code: 'Y',
    });

    await ctx.waitForState(created.body.id, 'completed');
    expect(await ctx.statePath(created.body.id)).toEqual([
      'created',
      'awaiting_issuer_fingerprint',
      'awaiting_channel_data',
      'result_ready',
      'completed',
    ]);

    const generic = await ctx
      .api('get', `/v1/authentications/${created.body.id}/result`)
      .expect(200);
    const truth = await ctx.checkout.getSession(
      await ctx.checkout.token(),
      created.body.checkout_session_id,
    );
    expect(generic.body).toMatchObject({
      authentication_id: created.body.id,
      checkout_session_id: truth.body.id,
      outcome: 'authenticated',
      eci: '05',
      cryptogram: truth.body.cryptogram,
      xid: truth.body.xid,
      ds_transaction_id: truth.body.ds.transaction_id,
      trans_status: 'Y',
      protocol_version: '2.2.0',
    });
    const checkoutFormat = await ctx
      .api('get', `/v1/authentications/${created.body.id}/result?format=checkout`)
      .expect(200);
    expect(checkoutFormat.body).toEqual({
      '3ds': { enabled: true, authentication_id: truth.body.id },
    });
  });

  it('runs a challenge to Y through the real ACS page and the challenge notification', async () => {
    const created = await ctx.client
      .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
      .expect(201);
    expect(created.body).toMatchObject({
      state: 'challenge_required',
      next_action: { type: 'challenge', channel: 'browser' },
    });

    const cresPage = await answerChallenge(
      created.body.next_action.acs_url,
      created.body.next_action.creq,
      { password: 'Checkout1!' },
    );
    const notification = formOf(cresPage.html);
    expect(notification.action).toBe(
      `${ctx.orchestrator.url}/notifications/challenge/${created.body.id}`,
    );
    await postForm(notification.action, notification.fields);

    const completed = await ctx.waitForState(created.body.id, 'completed');
    expect(completed).toMatchObject({
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
    });
    expect(await ctx.statePath(created.body.id)).toEqual([
      'created',
      'challenge_required',
      'result_ready',
      'completed',
    ]);
    const adyen = await ctx
      .api('get', `/v1/authentications/${created.body.id}/result?format=adyen`)
      .expect(200);
    expect(adyen.body.mpiData).toMatchObject({
      directoryResponse: 'C',
      authenticationResponse: 'Y',
      eci: '05',
      threeDSVersion: '2.2.0',
    });
  });

  it('answers 409 RESULT_NOT_READY before a result, and refuses a second fingerprint report', async () => {
    const created = await ctx.client.create(aCreateBody('4485040371536584')).expect(201);
    const early = await ctx.api('get', `/v1/authentications/${created.body.id}/result`).expect(409);
    expect(early.body.error.code).toBe('RESULT_NOT_READY');
    await runThreeDsMethod(
      created.body.next_action.method_url,
      created.body.next_action.three_ds_method_data
        ? JSON.parse(
            Buffer.from(created.body.next_action.three_ds_method_data, 'base64url').toString(),
          ).threeDSServerTransID
        : '',
      created.body.next_action.notification_url,
    );
    await ctx.waitForState(created.body.id, 'awaiting_channel_data');
    const again = await ctx
      .api('post', `/v1/authentications/${created.body.id}/issuer-fingerprint`)
      .send({ completion: 'N' })
      .expect(409);
    expect(again.body.error.code).toBe('ILLEGAL_TRANSITION');
  });
});
