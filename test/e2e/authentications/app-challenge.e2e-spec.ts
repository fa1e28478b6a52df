import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { formatViolations } from '../../support/psp-contract.js';
import { completeAppChallenge, type AppChallenge } from '../../support/simulator/app-sdk.js';
import { aBrowserChannel, anAppChannel } from '../../support/simulator/factories.js';

const CHALLENGE_Y = '4242424242424242';
const PASSWORD = 'Checkout1!';
const SDK_TRANSACTION_ID = anAppChannel().sdk_transaction_id as string;

type Json = Record<string, unknown>;

/**
 * The app channel with a generic EMVCo 3DS SDK, played by the test: device data for the DS that
 * next_action names, the challenge at the ACS named in the signed content (CReq/CRes), then the
 * app's report that the SDK finished, which makes the orchestrator read the result from Checkout.
 */
describe('app channel challenge with a generic 3DS SDK (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const createApp = async (channelData?: Json): Promise<Json> =>
    (
      await ctx.client
        .create(aCreateBody(CHALLENGE_Y, { channel: 'app', channel_data: channelData }))
        .expect(201)
    ).body as Json;

  const reportSdkResult = (id: string, body: Json = { trans_status: 'Y' }) =>
    ctx.api('post', `/v1/authentications/${id}/app-challenge-result`).send(body);

  /** What the SDK's doChallenge takes, from the authentication's next_action. */
  const challengeOf = (authentication: Json): AppChallenge => {
    const action = authentication.next_action as Record<string, string>;
    expect(action).toMatchObject({ type: 'challenge', channel: 'app' });
    return {
      signedContent: action.acs_signed_content,
      acsTransactionId: action.acs_transaction_id,
      threeDsServerTransactionId: action.three_ds_server_transaction_id,
      sdkTransactionId: SDK_TRANSACTION_ID,
      messageVersion: action.protocol_version,
    };
  };

  it('device data for the named DS, the challenge at the ACS, the SDK report: authenticated', async () => {
    const created = await createApp();
    const id = created.id as string;
    const truth = await ctx.checkoutTruth(created.checkout_session_id as string);
    expect(created).toMatchObject({ state: 'awaiting_channel_data' });
    expect(created.next_action).toEqual({
      type: 'collect_channel_data',
      channel: 'app',
      ds_id: 'A000000003',
      protocol_version: '2.2.0',
      ds_public_key: truth.certificates.ds_public,
      ca_public: truth.certificates.ca_public,
      ca_public_all: truth.certificates.ca_public_all,
      three_ds_server_transaction_id: truth.transaction_id,
    });

    const challenged = await ctx
      .api('post', `/v1/authentications/${id}/channel-data`)
      .send({ channel_data: anAppChannel() })
      .expect(200);
    expect(challenged.body.state).toBe('challenge_required');
    const final = await completeAppChallenge(challengeOf(challenged.body as Json), {
      code: PASSWORD,
    });
    expect(final.body).toMatchObject({ messageType: 'CRes', transStatus: 'Y' });

    const sdkReport = { trans_status: 'Y', sdk_transaction_id: SDK_TRANSACTION_ID };
    const reported = await reportSdkResult(id, sdkReport).expect(200);
    expect(['result_ready', 'completed']).toContain(reported.body.state);
    expect(reported.body).toMatchObject({
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      next_action: null,
      response_code: 'Y',
    });
    const completed = await ctx.waitForState(id, 'completed');
    // The same report again (a retry) answers the same and is recorded once.
    const again = await reportSdkResult(id, sdkReport).expect(200);
    expect(again.body).toMatchObject({ state: 'completed', outcome: 'authenticated' });
    expect(await ctx.statePath(id)).toEqual([
      'created',
      'awaiting_channel_data',
      'challenge_required',
      'result_ready',
      'completed',
    ]);

    const after = await ctx.checkoutTruth(completed.checkout_session_id as string);
    const results = await ctx.resultsInEveryFormat(id);
    expect(formatViolations(results, after.id)).toEqual([]);
    expect(results.adyen.mpiData).toMatchObject({
      directoryResponse: 'C',
      authenticationResponse: 'Y',
    });
    expect(results.generic).toMatchObject({
      eci: '05',
      cryptogram: after.cryptogram,
      ds_transaction_id: after.ds.transaction_id,
      challenged: true,
    });
    const events = await ctx.api('get', `/v1/authentications/${id}/events`).expect(200);
    const reports = (events.body.data as Json[]).filter(
      (event) => event.event === 'app_challenge_result_received',
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      source: 'app_challenge_result',
      detail: { trans_status: 'Y' },
    });
    expect(
      (events.body.data as Json[]).find((event) => event.to_state === 'result_ready'),
    ).toMatchObject({ source: 'app_challenge_result' });
  });

  it('a wrong one-time code ends not_authenticated', async () => {
    const created = await createApp(anAppChannel());
    await completeAppChallenge(challengeOf(created), { code: '000000' });
    const reported = await reportSdkResult(created.id as string, { trans_status: 'N' }).expect(200);
    expect(reported.body).toMatchObject({
      outcome: 'not_authenticated',
      guidance: 'do_not_proceed',
      response_code: 'N',
    });
  });

  it('a cancelled challenge is abandoned, as in the browser', async () => {
    const created = await createApp(anAppChannel());
    await completeAppChallenge(challengeOf(created), 'cancel');
    const reported = await reportSdkResult(created.id as string, { trans_status: 'N' }).expect(200);
    expect(reported.body).toMatchObject({
      outcome: 'abandoned',
      guidance: 'retry_authentication',
    });
  });

  it("the SDK's cancelled callback is a hint: the session read says abandoned, with Checkout's cancel reason", async () => {
    const created = await createApp(anAppChannel());
    const id = created.id as string;
    await completeAppChallenge(challengeOf(created), 'cancel');
    const reported = await reportSdkResult(id, { event: 'cancelled' }).expect(200);
    expect(reported.body).toMatchObject({ outcome: 'abandoned', guidance: 'retry_authentication' });
    const truth = await ctx.checkoutTruth(reported.body.checkout_session_id as string);
    const generic = await ctx.api('get', `/v1/authentications/${id}/result`).expect(200);
    expect(generic.body).toMatchObject({
      authentication_id: id,
      checkout_session_id: truth.id,
      challenge_cancel_reason: truth.acs.challenge_cancel_reason,
    });
    const events = await ctx.api('get', `/v1/authentications/${id}/events`).expect(200);
    expect(
      (events.body.data as Json[]).find((event) => event.event === 'app_challenge_result_received'),
    ).toMatchObject({ detail: { event: 'cancelled', trans_status: null } });
  });

  it('a timed_out report while the ACS has said nothing is not a result: the challenge stays open', async () => {
    const created = await createApp(anAppChannel());
    const reported = await reportSdkResult(created.id as string, { event: 'timed_out' }).expect(
      200,
    );
    expect(reported.body).toMatchObject({ state: 'challenge_required', outcome: null });
  });

  it('refuses a completed report without its transStatus, and an unknown SDK event', async () => {
    const created = await createApp(anAppChannel());
    await reportSdkResult(created.id as string, { event: 'completed' }).expect(400);
    await reportSdkResult(created.id as string, { event: 'exploded' }).expect(400);
  });

  it('a report before the ACS has sent its result answers the open challenge; the next one is not lost', async () => {
    const created = await createApp(anAppChannel());
    const id = created.id as string;
    const early = await reportSdkResult(id).expect(200);
    expect(early.body).toMatchObject({ state: 'challenge_required', outcome: null });
    await completeAppChallenge(challengeOf(created), { code: PASSWORD });
    // Within the re-read cooldown: answered as it stands, and re-read when the cooldown ends.
    const later = await reportSdkResult(id, {
      trans_status: 'Y',
      sdk_transaction_id: SDK_TRANSACTION_ID,
    }).expect(200);
    expect(later.body.state).toBe('challenge_required');
    const completed = await ctx.waitForState(id, 'completed');
    expect(completed).toMatchObject({ outcome: 'authenticated' });
    const events = await ctx.api('get', `/v1/authentications/${id}/events`).expect(200);
    expect(
      (events.body.data as Json[]).filter(
        (event) => event.event === 'app_challenge_result_received',
      ),
    ).toHaveLength(2);
  });

  it('dummy SDK data is unavailable (U) at once, as in the sandbox', async () => {
    const created = await createApp(anAppChannel({ sdk_encrypted_data: '{}' }));
    expect(created).toMatchObject({
      state: 'result_ready',
      outcome: 'unavailable',
      response_code: 'U',
      next_action: null,
    });
  });

  it('refuses the SDK report on a browser authentication, before a challenge, and for unknown ids', async () => {
    const browser = await ctx.client
      .create(aCreateBody(CHALLENGE_Y, { channel_data: aBrowserChannel() }))
      .expect(201);
    const onBrowser = await reportSdkResult(browser.body.id as string).expect(422);
    expect(onBrowser.body.error.code).toBe('CHANNEL_MISMATCH');

    const pending = await createApp();
    const early = await reportSdkResult(pending.id as string).expect(409);
    expect(early.body.error.code).toBe('ILLEGAL_TRANSITION');

    const bad = await reportSdkResult(pending.id as string, { trans_status: 'C' }).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');

    const unknown = await reportSdkResult('auth_aaaaaaaaaaaaaaaaaaaaaaaaaa').expect(404);
    expect(unknown.body.error.code).toBe('AUTHENTICATION_NOT_FOUND');
  });
});
