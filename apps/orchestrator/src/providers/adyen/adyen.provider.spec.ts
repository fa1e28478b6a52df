import { jest } from '@jest/globals';
import type { AdyenAuthenticationClient } from '@app/adyen-client';
import { UpstreamRejectedRequestError, type ProviderSessionContext } from '@app/domain';
import type { AdyenConfig } from '../../config/adyen.config.js';
import type { AdyenProviderState } from './adyen-provider-state.js';
import { AdyenProvider } from './adyen.provider.js';

const CONFIG = {
  configured: true,
  timeoutMs: 10_000,
  authenticationTimeoutMs: 15_000,
  authenticationLifetimeMs: 900_000,
  challengeRecheckMs: 600_000,
} as AdyenConfig;
const base64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64');
const decoded = (value: string) => JSON.parse(Buffer.from(value, 'base64').toString()) as unknown;
const RESULT = {
  transStatus: 'Y',
  eci: '05',
  authenticationValue: 'CAVV==',
  messageVersion: '2.2.0',
};
const PSP = 'ABCDEFGHIJKLMNOP';

/** Each call a mock answering what a case scripts (the client's own types are checked by tsc elsewhere). */
type Call = (...args: unknown[]) => Promise<unknown>;
function aClient() {
  return {
    createPayment: jest.fn<Call>(),
    paymentDetails: jest.fn<Call>(),
    submitThreeDS2Fingerprint: jest.fn<Call>(),
    retrieve3ds2Result: jest.fn<Call>(),
  };
}

const aState = (fields: Partial<AdyenProviderState>): AdyenProviderState => ({
  phase: 'challenge',
  resultCode: 'ChallengeShopper',
  paymentData: 'payment-data',
  authorisationToken: 'token-2',
  token: {
    threeDSServerTransID: 'server-1',
    acsTransID: 'acs-1',
    acsURL: 'https://acs/c',
    messageVersion: '2.2.0',
  },
  startedAt: Date.now(),
  challengeIssuedAt: Date.now(),
  challenged: true,
  scheme: 'visa',
  recorded: { reference: 'ORD-1', currency: 'EUR', amount: 100 },
  ...fields,
});
const contextWith = (state?: AdyenProviderState): ProviderSessionContext => ({
  authenticationId: 'auth_1',
  channel: 'browser',
  hosted: false,
  methodNotificationUrl: 'https://us.example/notifications/3ds-method/auth_1',
  ...(state ? { providerState: state as never } : {}),
});

describe('AdyenProvider: readSession by phase (docs/adyen-adapter.md#calls)', () => {
  let client: ReturnType<typeof aClient>;
  let provider: AdyenProvider;
  beforeEach(() => {
    client = aClient();
    provider = new AdyenProvider(client as unknown as AdyenAuthenticationClient, CONFIG);
  });

  it('declares the capabilities of §4, and no channel until ADYEN_API_KEY is set', () => {
    expect(provider.capabilities).toEqual({
      channels: ['browser'],
      threeDs1Fallback: false,
      hosted: false,
      checkoutPaymentSession: false,
      channelDataAfterCreate: false,
      nonPayment: false,
      idempotentCreate: true,
    });
    expect(provider.channels).toEqual(['browser']);
    const unconfigured = new AdyenProvider(client as never, { ...CONFIG, configured: false });
    expect(unconfigured.channels).toEqual([]);
  });

  it('without a kept state reads only a pspReference, and calls nothing for our own id', async () => {
    const error = await provider.readSession('auth_1', contextWith()).catch((e: unknown) => e);
    expect(provider.failureOf(error)?.class).toBe('not_found');
    expect(client.retrieve3ds2Result).not.toHaveBeenCalled();
    client.retrieve3ds2Result.mockResolvedValue({ threeDS2Result: RESULT });
    const read = await provider.readSession(PSP, contextWith());
    expect(read).toMatchObject({
      providerSessionId: PSP,
      cryptogram: 'CAVV==',
      event: { outcome: 'authenticated' },
    });
  });

  it('fingerprint: the kept snapshot without a call; past the lifetime, expired', async () => {
    const state = aState({
      phase: 'fingerprint',
      resultCode: 'IdentifyShopper',
      token: { threeDSMethodUrl: 'https://acs/m', threeDSServerTransID: 'server-1' },
    });
    const kept = await provider.readSession('auth_1', contextWith(state));
    expect(kept).toMatchObject({
      providerSessionId: 'auth_1',
      event: { type: 'fingerprint_required' },
      nextAction: { type: 'three_ds_method', method_url: 'https://acs/m' },
      awaitingMethodCompletion: true,
    });
    const old = { ...state, startedAt: Date.now() - CONFIG.authenticationLifetimeMs };
    expect((await provider.readSession('auth_1', contextWith(old))).event).toEqual({
      type: 'session_expired',
    });
    expect(client.paymentDetails).not.toHaveBeenCalled();
  });

  it('challenge with the CRes’s transStatus: /payments/details keyed by it; the pspReference becomes the id', async () => {
    client.paymentDetails.mockResolvedValue({
      resultCode: 'AuthenticationFinished',
      pspReference: PSP,
      threeDS2Result: RESULT,
    });
    const read = await provider.readSession('auth_1', contextWith(aState({})), {
      challengeTransStatus: 'Y',
    });
    const [request, key] = client.paymentDetails.mock.calls[0] as [
      { details: { threeDSResult: string } },
      string,
    ];
    expect(key).toBe('auth_1:details:Y');
    expect(decoded(request.details.threeDSResult)).toEqual({
      transStatus: 'Y',
      authorisationToken: 'token-2',
    });
    expect(read).toMatchObject({
      providerSessionId: PSP,
      event: { type: 'result_received', outcome: 'authenticated', providerSessionId: PSP },
      cryptogram: 'CAVV==',
      completable: true,
      completed: false,
      providerState: { phase: 'finished', pspReference: PSP },
    });
    expect(JSON.stringify(read.providerState)).not.toContain('CAVV==');
  });

  it('challenge still pending (422 702): the kept snapshot', async () => {
    client.paymentDetails.mockRejectedValue(
      new UpstreamRejectedRequestError('payment details', 422, 'validation', ['702']),
    );
    const read = await provider.readSession('auth_1', contextWith(aState({})), {
      challengeTransStatus: 'Y',
    });
    expect(read).toMatchObject({
      event: { type: 'challenge_issued' },
      nextAction: { type: 'challenge' },
    });
  });

  it('challenge without a CRes: nothing while young, transStatus U once older than RECHECK_CHALLENGE_MS', async () => {
    expect((await provider.readSession('auth_1', contextWith(aState({})))).event?.type).toBe(
      'challenge_issued',
    );
    expect(client.paymentDetails).not.toHaveBeenCalled();
    client.paymentDetails.mockResolvedValue({
      resultCode: 'AuthenticationFinished',
      pspReference: PSP,
      threeDS2Result: { transStatus: 'U', challengeCancel: '05' },
    });
    const old = aState({ challengeIssuedAt: Date.now() - CONFIG.challengeRecheckMs });
    const read = await provider.readSession('auth_1', contextWith(old));
    expect(client.paymentDetails.mock.calls[0][1]).toBe('auth_1:details:U');
    expect(read.event).toEqual({ type: 'challenge_abandoned' });
    expect(read.providerState).toMatchObject({ pspReference: PSP });
  });

  it('finished: retrieve3ds2Result by the kept pspReference; {} answers the kept result', async () => {
    const finished = aState({
      phase: 'finished',
      resultCode: 'AuthenticationFinished',
      pspReference: PSP,
      result: { transStatus: 'A', eci: '06' },
    });
    client.retrieve3ds2Result.mockResolvedValue({});
    const read = await provider.readSession('auth_1', contextWith(finished));
    expect(client.retrieve3ds2Result).toHaveBeenCalledWith(PSP);
    expect(read).toMatchObject({ event: { outcome: 'attempted' }, result: { eci: '06' } });
    expect(read.cryptogram).toBeUndefined();
  });
});

describe('AdyenProvider: the 3DS Method reported (docs/adyen-adapter.md#calls)', () => {
  const fingerprinting = aState({
    phase: 'fingerprint',
    resultCode: 'IdentifyShopper',
    challengeIssuedAt: undefined,
    challenged: false,
    token: { threeDSServerTransID: 'server-1', threeDSMethodUrl: 'https://acs/m' },
  });

  it('a challenge action from checkoutshopper: challenge_issued, with its new authorisationToken', async () => {
    const client = aClient();
    client.submitThreeDS2Fingerprint.mockResolvedValue({
      type: 'action',
      action: {
        type: 'threeDS2',
        subtype: 'challenge',
        paymentData: 'payment-data',
        authorisationToken: 'token-3',
        token: base64({ acsURL: 'https://acs/c', acsTransID: 'acs-9', messageVersion: '2.2.0' }),
      },
    });
    const provider = new AdyenProvider(client as never, CONFIG);
    const snapshot = await provider.reportMethodCompletion(
      'auth_1',
      'Y',
      contextWith(fingerprinting),
    );
    const [submission, key] = client.submitThreeDS2Fingerprint.mock.calls[0] as [
      { fingerprintResult: string },
      string,
    ];
    expect(key).toBe('auth_1:fingerprint');
    expect(decoded(submission.fingerprintResult)).toEqual({ threeDSCompInd: 'Y' });
    expect(snapshot).toMatchObject({
      event: { type: 'challenge_issued', providerSessionId: 'auth_1' },
      nextAction: { type: 'challenge', acs_url: 'https://acs/c' },
      result: { acs_transaction_id: 'acs-9', three_ds_server_transaction_id: 'server-1' },
      providerState: { phase: 'challenge', authorisationToken: 'token-3', challenged: true },
    });
    expect(client.paymentDetails).not.toHaveBeenCalled();
  });

  it('completed: /payments/details in the same call, then the result', async () => {
    const client = aClient();
    client.submitThreeDS2Fingerprint.mockResolvedValue({
      type: 'completed',
      details: { threeDSResult: 'opaque' },
    });
    client.paymentDetails.mockResolvedValue({
      resultCode: 'AuthenticationFinished',
      pspReference: PSP,
      threeDS2Result: RESULT,
    });
    const provider = new AdyenProvider(client as never, CONFIG);
    const snapshot = await provider.reportMethodCompletion(
      'auth_1',
      'N',
      contextWith(fingerprinting),
    );
    expect(client.paymentDetails).toHaveBeenCalledWith(
      {
        paymentData: 'payment-data',
        details: { threeDSResult: 'opaque' },
        authenticationData: { authenticationOnly: true },
      },
      'auth_1:details:fingerprint',
    );
    expect(snapshot).toMatchObject({
      providerSessionId: PSP,
      event: { outcome: 'authenticated' },
      result: { flow_type: 'frictionless' },
    });
  });

  it('is refused as moved on past the fingerprint, and complete resolves at once', async () => {
    const provider = new AdyenProvider(aClient() as never, CONFIG);
    const error = await provider
      .reportMethodCompletion('auth_1', 'Y', contextWith(aState({})))
      .catch((e: unknown) => e);
    expect(provider.failureOf(error)).toMatchObject({ class: 'rejected', sessionMovedOn: true });
    await expect(provider.complete()).resolves.toBeUndefined();
  });
});
