import { HttpClientException } from '@adyen/api-library';
import testCards from '../../../apps/adyen-simulator/src/cards/test-cards.json' with { type: 'json' };
import { newAnswerViolations } from '../../support/adyen-simulator/adyen-contract.js';
import {
  officialLibraryAgainst,
  type OfficialLibrary,
} from '../../support/adyen-simulator/adyen-library.js';
import {
  anAuthenticationRequest,
  decodeToken,
  threeDSResult,
} from '../../support/adyen-simulator/factories.js';
import {
  ADYEN_CLIENT_KEY,
  startAdyenSimulator,
  type AdyenSimulatorUnderTest,
} from '../../support/adyen-simulator/simulator-app.js';
import { HttpRecorder } from '../../support/http-recorder.js';
import {
  answerChallenge,
  decodeJson,
  formOf,
  postForm,
  runThreeDsMethod,
} from '../../support/simulator/browser.js';

/** The fields of Adyen's answers these tests read (checked in full against the schemas). */
interface Answer {
  readonly resultCode?: string;
  readonly pspReference?: string;
  readonly merchantReference?: string;
  readonly threeDSPaymentData?: string;
  readonly action?: {
    readonly type: string;
    readonly token: string;
    readonly paymentData: string;
    readonly authorisationToken: string;
  };
  readonly threeDS2Result?: Record<string, string | undefined>;
  /** submitThreeDS2Fingerprint's answer. */
  readonly type?: 'action' | 'completed';
  readonly details?: { readonly threeDSResult: string };
}

const modelCard = (flow: string, outcome: string | null, threeDSMethod = true) =>
  testCards.cards.find(
    (card) =>
      card.source === 'model' &&
      card.flow === flow &&
      card.outcome === outcome &&
      card.threeDSMethod === threeDSMethod,
  )!.number;

/**
 * Adyen's official Node library (@adyen/api-library, unmodified) drives the Adyen simulator
 * through the injected transport of test/support/adyen-simulator/adyen-library.ts; every answer
 * is checked against Adyen's published schemas (contracts/adyen).
 */
describe('adyen simulator: driven by @adyen/api-library (e2e)', () => {
  let simulator: AdyenSimulatorUnderTest;
  let merchant: HttpRecorder;
  let adyen: OfficialLibrary;

  beforeAll(async () => {
    merchant = await HttpRecorder.start();
    simulator = await startAdyenSimulator();
    adyen = officialLibraryAgainst(simulator.url);
  });
  afterAll(async () => {
    await simulator.close();
    await merchant.close();
  });
  beforeEach(() => merchant.clear());
  afterEach(() => expect(newAnswerViolations(adyen.transport)).toEqual([]));

  /**
   * /payments, the 3DS Method in the browser, then what Adyen's 3DS2 component does with the
   * fingerprint: it posts it to `submitThreeDS2Fingerprint` with the client key and gets the
   * challenge action or the result for /payments/details.
   */
  async function fingerprinted(number: string, notificationURL?: string): Promise<Answer> {
    const started = (await adyen.checkout.PaymentsApi.payments(
      anAuthenticationRequest(number, { notificationURL }),
    )) as Answer;
    expect(started.resultCode).toBe('IdentifyShopper');
    expect(started.pspReference).toBeUndefined();
    expect(started.action).toMatchObject({ type: 'threeDS2', subtype: 'fingerprint' });
    const token = decodeToken(started.action!.token);
    expect(Object.keys(token).sort()).toEqual([
      'threeDSMethodNotificationURL',
      'threeDSMethodUrl',
      'threeDSServerTransID',
    ]);
    await runThreeDsMethod(
      token.threeDSMethodUrl,
      token.threeDSServerTransID,
      merchant.to('/method-notification'),
    );
    const [notification] = await merchant.waitFor('/method-notification');
    expect(decodeJson(String(notification.body!.threeDSMethodData))).toEqual({
      threeDSServerTransID: token.threeDSServerTransID,
    });
    const submitted = await fetch(
      `${simulator.url}/checkoutshopper/v1/submitThreeDS2Fingerprint?token=${ADYEN_CLIENT_KEY}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          fingerprintResult: threeDSResult({ threeDSCompInd: 'Y' }),
          paymentData: started.action!.paymentData,
        }),
      },
    );
    expect(submitted.status).toBe(200);
    const next = (await submitted.json()) as Answer;
    if (next.type === 'action') return { resultCode: 'ChallengeShopper', action: next.action };
    expect(next.type).toBe('completed');
    return (await adyen.checkout.PaymentsApi.paymentsDetails({
      details: { threeDSResult: next.details!.threeDSResult },
    })) as Answer;
  }

  it('frictionless: IdentifyShopper, 3DS Method, then AuthenticationFinished Y with a cryptogram', async () => {
    const finished = await fingerprinted(modelCard('frictionless', 'Y'));

    expect(finished.resultCode).toBe('AuthenticationFinished');
    expect(finished.pspReference).toMatch(/^[A-Z0-9]{16}$/);
    expect(finished.threeDS2Result).toMatchObject({
      transStatus: 'Y',
      eci: '05',
      messageVersion: '2.2.0',
    });
    expect(Buffer.from(finished.threeDS2Result!.authenticationValue!, 'base64')).toHaveLength(20);

    const read = (await adyen.payment.PaymentsApi.retrieve3ds2Result({
      merchantAccount: simulator.config.merchantAccount,
      pspReference: finished.pspReference!,
    })) as Answer;
    expect(read.threeDS2Result).toEqual(finished.threeDS2Result);
  });

  it('challenge (Adyen test card): ChallengeShopper, password on the ACS page, CRes to the notification URL, then Y', async () => {
    const challenged = await fingerprinted('5454545454545454', merchant.to('/cres'));
    expect(challenged).toMatchObject({
      resultCode: 'ChallengeShopper',
      action: { type: 'threeDS2', subtype: 'challenge' },
    });
    const token = decodeToken(challenged.action!.token);
    expect(token.threeDSNotificationURL).toBe(merchant.to('/cres'));
    const creq = Buffer.from(
      JSON.stringify({
        threeDSServerTransID: token.threeDSServerTransID,
        acsTransID: token.acsTransID,
        messageVersion: token.messageVersion,
        messageType: 'CReq',
        challengeWindowSize: '05',
      }),
    ).toString('base64url');

    const toMerchant = formOf(
      (await answerChallenge(token.acsURL, creq, { password: 'password' })).html,
    );
    expect(toMerchant.action).toBe(merchant.to('/cres'));
    await postForm(toMerchant.action, toMerchant.fields);
    const [posted] = await merchant.waitFor('/cres');
    const cres = decodeJson(String(posted.body!.cres));
    expect(cres).toMatchObject({
      threeDSServerTransID: token.threeDSServerTransID,
      acsTransID: token.acsTransID,
      messageVersion: token.messageVersion,
      messageType: 'CRes',
      transStatus: 'Y',
    });

    // As Adyen's component sends it: the result and the step's authorisationToken, no paymentData.
    const finished = (await adyen.checkout.PaymentsApi.paymentsDetails({
      details: {
        threeDSResult: threeDSResult({
          transStatus: cres.transStatus,
          authorisationToken: challenged.action!.authorisationToken,
        }),
      },
    })) as Answer;
    expect(finished.resultCode).toBe('AuthenticationFinished');
    expect(finished.threeDS2Result).toMatchObject({ transStatus: 'Y', eci: '02' });
    expect(finished.threeDS2Result!.authenticationValue).toBeDefined();
  });

  it('challenge with a wrong password ends N, without a cryptogram', async () => {
    const challenged = await fingerprinted(modelCard('challenge', 'Y'), merchant.to('/cres'));
    const token = decodeToken(challenged.action!.token);
    const creq = Buffer.from(JSON.stringify({ ...token, messageType: 'CReq' })).toString(
      'base64url',
    );
    const toMerchant = formOf(
      (await answerChallenge(token.acsURL, creq, { password: 'nope' })).html,
    );
    expect(decodeJson(toMerchant.fields.cres)).toMatchObject({ transStatus: 'N' });

    const finished = (await adyen.checkout.PaymentsApi.paymentsDetails({
      details: { threeDSResult: threeDSResult({ transStatus: 'N' }) },
      paymentData: challenged.action!.paymentData,
    })) as Answer;
    expect(finished.pspReference).toMatch(/^[A-Z0-9]{16}$/);
    expect(finished.threeDS2Result).toMatchObject({
      transStatus: 'N',
      transStatusReason: '01',
      eci: '07',
    });
    expect(finished.threeDS2Result!.authenticationValue).toBeUndefined();
  });

  it.each([
    ['A', '06', true],
    ['N', '07', false],
    ['R', '07', false],
    ['U', '07', false],
  ])('frictionless %s: AuthenticationFinished, ECI %s', async (outcome, eci, cryptogram) => {
    const finished = await fingerprinted(modelCard('frictionless', outcome));

    expect(finished.resultCode).toBe('AuthenticationFinished');
    expect(finished.threeDS2Result).toMatchObject({ transStatus: outcome, eci });
    expect(finished.threeDS2Result!.authenticationValue !== undefined).toBe(cryptogram);
  });

  it('a card range without a 3DS Method URL finishes in the first answer', async () => {
    const finished = (await adyen.checkout.PaymentsApi.payments(
      anAuthenticationRequest(modelCard('frictionless', 'Y', false)),
    )) as Answer;

    expect(finished.resultCode).toBe('AuthenticationFinished');
    expect(finished.threeDS2Result!.transStatus).toBe('Y');
  });

  it('a card that is not enrolled: AuthenticationNotRequired with threeDSPaymentData', async () => {
    const answer = (await adyen.checkout.PaymentsApi.payments(
      anAuthenticationRequest(modelCard('not_enrolled', null, false)),
    )) as Answer;

    expect(answer.resultCode).toBe('AuthenticationNotRequired');
    expect(answer.threeDSPaymentData).toEqual(expect.any(String));
    expect(answer.pspReference).toMatch(/^[A-Z0-9]{16}$/);
  });

  it('refuses an expired card (Refused) and a directory-server failure (Error) with their reasons', async () => {
    const expired = (await adyen.checkout.PaymentsApi.payments(
      anAuthenticationRequest(modelCard('frictionless', 'Y'), { expiryYear: '2020' }),
    )) as Answer;
    const dsError = (await adyen.checkout.PaymentsApi.payments(
      anAuthenticationRequest(modelCard('ds_error', null)),
    )) as Answer;

    expect(expired).toMatchObject({
      resultCode: 'Refused',
      refusalReason: 'Expired Card',
      refusalReasonCode: '6',
    });
    expect(dsError).toMatchObject({ resultCode: 'Error', refusalReason: 'Issuer Unavailable' });
  });

  it('answers errors as ServiceError, which the library raises as HttpClientException', async () => {
    const invalidCard = await adyen.checkout.PaymentsApi.payments(
      anAuthenticationRequest('4000009900000011'),
    ).catch((error: unknown) => error);
    const paymentRequest = anAuthenticationRequest(modelCard('frictionless', 'Y'));
    const notAuthenticationOnly = await adyen.checkout.PaymentsApi.payments({
      ...paymentRequest,
      authenticationData: { ...paymentRequest.authenticationData, authenticationOnly: false },
    }).catch((error: unknown) => error);
    const unauthorised = await officialLibraryAgainst(simulator.url, 'not-the-key')
      .checkout.PaymentsApi.payments(paymentRequest)
      .catch((error: unknown) => error);

    expect(invalidCard).toBeInstanceOf(HttpClientException);
    expect(invalidCard).toMatchObject({ statusCode: 422, errorCode: '101' });
    expect(notAuthenticationOnly).toMatchObject({ statusCode: 422, errorCode: '905' });
    expect(unauthorised).toMatchObject({ statusCode: 401, errorCode: '000' });
    expect(JSON.parse((unauthorised as HttpClientException).responseBody!)).toMatchObject({
      status: 401,
      errorType: 'security',
      pspReference: expect.stringMatching(/^[A-Z0-9]{16}$/),
    });
  });
});
