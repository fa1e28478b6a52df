import { X509Certificate } from 'node:crypto';
import { contractViolations, type CheckoutSchema } from '../../support/checkout-contract.js';
import type { HttpRecorder } from '../../support/http-recorder.js';
import {
  acsUrlOf,
  completeAppChallenge,
  sendCreq,
  type AppChallenge,
} from '../../support/simulator/app-sdk.js';
import type { ApiResponse, CheckoutApi } from '../../support/simulator/checkout-api.js';
import { anAppChannel, aSessionRequest } from '../../support/simulator/factories.js';
import {
  startSimulatorWithWebhooks,
  type SimulatorWithWebhooks,
} from '../../support/simulator/simulator-app.js';

const CHALLENGE_Y = '4242424242424242';
const FRICTIONLESS_Y = '4485040371536584';
const MASTERCARD_Y = '5588686116426417';
const AMEX_Y = '345678901234564';
const PASSWORD = 'Checkout1!';
const SDK_TRANSACTION_ID = anAppChannel().sdk_transaction_id as string;

function expectSession(
  response: ApiResponse,
  schema: CheckoutSchema = 'GetSessionResponse',
  status = 200,
): void {
  expect(response.status).toBe(status);
  expect(contractViolations(response.body, schema)).toEqual([]);
}

const decodedJson = (base64url: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * The app channel as a generic EMVCo 3DS SDK meets it: DS id and certificates before device data,
 * the ACS reached through the URL in `acs.signed_content` (CReq/CRes), and dummy SDK data
 * answered as Checkout's sandbox does.
 */
describe('simulator: app channel with a generic 3DS SDK (e2e)', () => {
  let sim: SimulatorWithWebhooks;
  let merchant: HttpRecorder;
  let api: CheckoutApi;
  let oauth: string;

  beforeAll(async () => {
    sim = await startSimulatorWithWebhooks();
    ({ merchant, api } = sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await sim.reset();
    oauth = await api.token('sessions:app');
  });

  /** A challenged app session; `callback_url` reaches the merchant recorder. */
  async function aChallengedAppSession(): Promise<{ id: string; challenge: AppChallenge }> {
    const created = await api.createSession(
      oauth,
      aSessionRequest({
        number: CHALLENGE_Y,
        channel_data: anAppChannel(),
        completion: { type: 'non_hosted', callback_url: merchant.to('/callback') },
      }),
    );
    expectSession(created, 'CreateSessionOkResponse', 201);
    expect(created.body).toMatchObject({ status: 'challenged', response_code: 'C' });
    const { acs, transaction_id, protocol_version } = created.body;
    return {
      id: created.body.id as string,
      challenge: {
        signedContent: acs.signed_content,
        acsTransactionId: acs.transaction_id,
        threeDsServerTransactionId: transaction_id,
        sdkTransactionId: SDK_TRANSACTION_ID,
        messageVersion: protocol_version,
      },
    };
  }

  it.each([
    [FRICTIONLESS_Y, 'A000000003'],
    [MASTERCARD_Y, 'A000000004'],
    [AMEX_Y, 'A000000025'],
  ])(
    'a pending session (card %s) names its DS %s and the DS certificates before device data',
    async (number, dsId) => {
      const created = await api.createSession(oauth, aSessionRequest({ number }));
      expectSession(created, 'CreateSessionAcceptedResponse', 202);
      const read = await api.getSession(oauth, created.body.id, 'app');
      expectSession(read);
      expect(read.body).toMatchObject({ status: 'pending', ds: { ds_id: dsId } });
      expect(contractViolations(read.body.ds, 'Ds')).toEqual([]);
      expect(contractViolations(read.body.certificates, 'DsPublicKeys')).toEqual([]);
      expect(decodedJson(read.body.certificates.ds_public)).toMatchObject({
        kty: 'EC',
        crv: 'P-256',
        x: expect.stringMatching(/^[\w-]{43}$/),
        y: expect.stringMatching(/^[\w-]{43}$/),
      });
      const root = new X509Certificate(Buffer.from(read.body.certificates.ca_public, 'base64url'));
      expect(root.subject).toContain('Simulator DS CA');

      const secretRead = await api.getSession(created.body.session_secret, created.body.id);
      expectSession(secretRead);
      expect(secretRead.body).not.toHaveProperty('certificates');
    },
  );

  it('a challenge completes through the ACS named in the signed content: approved, then the callback on complete', async () => {
    const { id, challenge } = await aChallengedAppSession();
    expect(challenge.signedContent.length).toBeLessThanOrEqual(512);
    expect(acsUrlOf(challenge.signedContent)).toBe(`${sim.simulator.url}/acs/app`);

    const screen = await sendCreq(challenge, { sdkCounterStoA: '000' });
    expect(screen).toMatchObject({
      status: 200,
      body: {
        messageType: 'CRes',
        acsTransID: challenge.acsTransactionId,
        threeDSServerTransID: challenge.threeDsServerTransactionId,
        sdkTransID: SDK_TRANSACTION_ID,
        acsCounterAtoS: '000',
        acsUiType: '01',
        challengeCompletionInd: 'N',
      },
    });
    expect(screen.body).not.toHaveProperty('transStatus');
    const final = await sendCreq(challenge, {
      sdkCounterStoA: '001',
      challengeDataEntry: PASSWORD,
    });
    expect(final.body).toMatchObject({
      messageType: 'CRes',
      acsCounterAtoS: '001',
      transStatus: 'Y',
      challengeCompletionInd: 'Y',
    });

    const read = await api.getSession(oauth, id);
    expectSession(read);
    expect(read.body).toMatchObject({
      status: 'approved',
      response_code: 'Y',
      status_reason: 'rreq_status',
      challenged: true,
      flow_type: 'challenged',
      eci: '05',
      cryptogram: expect.any(String),
      next_actions: ['complete'],
    });
    const [webhook] = await merchant.waitFor('/webhooks', 2);
    expect(merchant.received('/webhooks').map((hook) => hook.body?.type)).toEqual([
      webhook.body?.type,
      'authentication_approved',
    ]);
    expect(merchant.received('/callback')).toHaveLength(0);
    expect((await api.complete(oauth, id)).status).toBe(204);
    const [callback] = await merchant.waitFor('/callback');
    expect(callback.body).toMatchObject({ session_id: id, status: 'approved' });

    const again = await sendCreq(challenge, { challengeDataEntry: PASSWORD });
    expect(again).toMatchObject({ status: 400, body: { messageType: 'Erro', errorCode: '301' } });
  });

  it('a wrong one-time code ends declined with transStatus N', async () => {
    const { id, challenge } = await aChallengedAppSession();
    const final = await completeAppChallenge(challenge, { code: 'not-the-code' });
    expect(final.body).toMatchObject({ transStatus: 'N', challengeCompletionInd: 'Y' });
    const read = await api.getSession(oauth, id);
    expectSession(read);
    expect(read.body).toMatchObject({ status: 'declined', response_code: 'N', challenged: true });
    expect(read.body.cryptogram).toBeUndefined();
  });

  it('challengeCancel abandons the challenge as the browser ACS does (cardholder_cancel)', async () => {
    const { id, challenge } = await aChallengedAppSession();
    const final = await completeAppChallenge(challenge, 'cancel');
    expect(final.body).toMatchObject({ transStatus: 'N', challengeCompletionInd: 'Y' });
    const read = await api.getSession(oauth, id);
    expectSession(read);
    expect(read.body).toMatchObject({
      status: 'challenge_abandoned',
      acs: { challenge_cancel_reason: 'cardholder_cancel' },
    });
  });

  it('refuses a CReq from another SDK transaction or that is not a CReq with an EMV Erro message', async () => {
    const { id, challenge } = await aChallengedAppSession();
    const foreign = await sendCreq({ ...challenge, sdkTransactionId: crypto.randomUUID() });
    expect(foreign).toMatchObject({ status: 400, body: { messageType: 'Erro', errorCode: '301' } });
    const notCreq = await sendCreq(challenge, { messageType: 'AReq' });
    expect(notCreq).toMatchObject({ status: 400, body: { messageType: 'Erro', errorCode: '203' } });
    const read = await api.getSession(oauth, id);
    expectSession(read);
    expect(read.body.status).toBe('challenged');
  });

  it.each([
    ['sdk_encrypted_data "{}" (as the sandbox tests send)', { sdk_encrypted_data: '{}' }],
    [
      'an ephemeral key whose coordinates are no P-256 points',
      { sdk_ephem_pub_key: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } },
    ],
  ])('dummy SDK data, %s, is answered as the sandbox does: unavailable U', async (_, dummy) => {
    const created = await api.createSession(
      oauth,
      aSessionRequest({ number: CHALLENGE_Y, channel_data: anAppChannel(dummy) }),
    );
    expectSession(created, 'CreateSessionOkResponse', 201);
    expect(created.body).toMatchObject({ status: 'unavailable', next_actions: ['complete'] });
    const read = await api.getSession(oauth, created.body.id);
    expectSession(read);
    expect(read.body).toMatchObject({ status: 'unavailable', response_code: 'U' });
    expect(read.body.acs ?? null).toBeNull();
  });
});
