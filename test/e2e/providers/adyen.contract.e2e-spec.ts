import { AdyenAuthenticationClient, type AdyenClientOptions } from '@app/adyen-client';
import {
  UpstreamRejectedRequestError,
  type ProviderReturnUrls,
  type ProviderSessionContext,
  type SessionRequest,
} from '@app/domain';
import { Logger } from '@nestjs/common';
import { AdyenProvider } from '../../../apps/orchestrator/src/providers/adyen/adyen.provider.js';
import { adyenOptionsAt } from '../../support/adyen-client/scripted-adyen.js';
import {
  ADYEN_API_KEY,
  ADYEN_CLIENT_KEY,
  ADYEN_MERCHANT_ACCOUNT,
  startAdyenSimulator,
  type AdyenSimulatorUnderTest,
} from '../../support/adyen-simulator/simulator-app.js';
import { freePort } from '../../support/free-port.js';
import { describeProviderContract } from '../../support/provider-contract.js';
import { waitUntil } from '../../support/wait-until.js';
import { anAdyenConfig } from '../../support/test-config.js';
import { answerChallenge, decodeJson, formOf } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

/** The Adyen simulator's cards (docs/adyen-simulator.md#test-cards, docs/adyen-adapter.md#7-tests). */
const CARDS = {
  /** No 3DS Method: final in `/payments`, Y. */
  frictionless: '4000009900000061',
  /** 3DS Method, then frictionless Y. */
  threeDsMethod: '4000009900000012',
  /** No 3DS Method: `ChallengeShopper` in `/payments`. */
  challenge: '5200009900000025',
  /** Luhn-invalid: 422 `101`. */
  refused: '4000009900000011',
};

/** Adyen's adapter on the real client, over HTTP to `url`. */
const adyenAdapter = (url: string, options: Partial<AdyenClientOptions> = {}) =>
  new AdyenProvider(
    new AdyenAuthenticationClient(
      adyenOptionsAt(url, {
        apiKey: ADYEN_API_KEY,
        clientKey: ADYEN_CLIENT_KEY,
        merchantAccount: ADYEN_MERCHANT_ACCOUNT,
        ...options,
      }),
    ),
    anAdyenConfig({ configured: true }),
  );

describeProviderContract(
  'Adyen',
  async () => {
    Logger.overrideLogger(false);
    const simulator = await startAdyenSimulator();
    return {
      provider: adyenAdapter(simulator.url),
      unreachable: adyenAdapter(`http://127.0.0.1:${await freePort()}`),
      cards: CARDS,
      passChallenge: async (nextAction) => {
        if (nextAction.type !== 'challenge' || nextAction.channel !== 'browser') {
          throw new Error(`not a browser challenge: ${nextAction.type}`);
        }
        // The ACS auto-posts the CRes to our page: its transStatus is what the flow hands on.
        const toOurPage = await answerChallenge(nextAction.acs_url, nextAction.creq, {
          password: 'password',
        });
        const cres = decodeJson(formOf(toOurPage.html).fields.cres);
        return { challengeTransStatus: String(cres.transStatus) };
      },
      unknownSessionId: 'ZZZZZZZZZZZZZZZZ',
      close: () => simulator.close(),
    };
  },
  { complete: 'at_once' },
);

/** The adapter's failures by the simulator's faults (docs/adyen-adapter.md#failures). */
describe("Adyen's failures through the adapter (e2e)", () => {
  let simulator: AdyenSimulatorUnderTest;
  let keyed = 0;
  const aContext = (): ProviderSessionContext => {
    keyed += 1;
    return {
      authenticationId: `auth_failures_${process.pid}_${keyed}`,
      channel: 'browser',
      hosted: false,
      methodNotificationUrl: 'http://127.0.0.1:9/notifications/3ds-method/auth_failures',
    };
  };
  const urls: ProviderReturnUrls = {
    callback: 'http://127.0.0.1:9/callbacks/auth_failures/token',
    challengeNotification: 'http://127.0.0.1:9/notifications/challenge/auth_failures',
    hostedSuccess: 'http://127.0.0.1:9/hosted/auth_failures/token/success',
    hostedFailure: 'http://127.0.0.1:9/hosted/auth_failures/token/failure',
  };
  const aRequest = (number: string, reference = 'ORD-FAILURES-1'): SessionRequest =>
    ({
      source: { type: 'card', number, expiry_month: 12, expiry_year: 2030 },
      amount: 6540,
      currency: 'EUR',
      reference,
      channel: 'browser',
      channel_data: aBrowserChannel(),
    }) as unknown as SessionRequest;
  const fault = (body: object) =>
    simulator.control('POST', '/faults', { route: 'POST /v71/payments', times: 1, ...body });
  const failureOf = async (adapter: AdyenProvider, call: Promise<unknown>) => {
    const error = await call.then(
      () => new Error('expected the call to fail'),
      (failure: unknown) => failure,
    );
    return adapter.failureOf(error);
  };
  const create = (adapter: AdyenProvider, context = aContext(), card = CARDS.frictionless) =>
    adapter.createSession('team-failures', aRequest(card), urls, context);

  beforeAll(async () => {
    Logger.overrideLogger(false);
    simulator = await startAdyenSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    expect((await simulator.control('POST', '/reset')).status).toBe(204);
  });

  it('401 (a wrong API key) and 403 (another merchant account) are unavailable: the breaker counts them', async () => {
    for (const options of [{ apiKey: 'AQE-wrong' }, { merchantAccount: 'SomeoneElseECOM' }]) {
      const adapter = adyenAdapter(simulator.url, options);
      expect(await failureOf(adapter, create(adapter))).toEqual({ class: 'unavailable' });
    }
  });

  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['a malformed answer', { kind: 'malformed', status: 200 }],
  ])('%s to a create: outcome unknown', async (_name, body) => {
    await fault(body);
    const adapter = adyenAdapter(simulator.url);
    expect(await failureOf(adapter, create(adapter))).toEqual({ class: 'outcome_unknown' });
  });

  it('a create past its deadline: outcome unknown; re-sent with its key, the first answer', async () => {
    // The answer comes long after the deadline, which is itself far above what any machine needs
    // to deliver the request: the outcome is unknown however fast the machine is.
    await fault({ kind: 'late_answer', latency_ms: 8_000 });
    const impatient = adyenAdapter(simulator.url, {
      timeouts: { readMs: 10_000, authenticationMs: 3_000 },
    });
    const context = aContext();
    expect(await failureOf(impatient, create(impatient, context))).toEqual({
      class: 'outcome_unknown',
    });
    await waitUntil(async () => {
      const created = await (await simulator.control('GET', '/counters')).json();
      return (created as { authentications_created: number }).authentications_created === 1
        ? true
        : undefined;
    });
    const { snapshot } = await create(adyenAdapter(simulator.url), context);
    expect(snapshot.event).toMatchObject({ type: 'result_received', outcome: 'authenticated' });
    const counters = await (await simulator.control('GET', '/counters')).json();
    expect(counters).toMatchObject({ authentications_created: 1, idempotent_replays: 1 });
  });

  it('422 704 (the key used with another body): outcome unknown', async () => {
    const adapter = adyenAdapter(simulator.url);
    const context = aContext();
    await adapter.createSession('team-failures', aRequest(CARDS.frictionless), urls, context);
    const reused = adapter.createSession(
      'team-failures',
      aRequest(CARDS.frictionless, 'ORD-ANOTHER-BODY'),
      urls,
      context,
    );
    const error = await reused.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(UpstreamRejectedRequestError);
    expect(error).toMatchObject({ status: 422, errorCodes: ['704'] });
    expect(adapter.failureOf(error)).toEqual({ class: 'outcome_unknown' });
  });

  it('a 5xx to a read is unavailable (nothing changed at Adyen)', async () => {
    const adapter = adyenAdapter(simulator.url);
    const { snapshot, context } = await create(adapter).then((created) => ({
      ...created,
      context: { ...aContext(), providerState: created.snapshot.providerState },
    }));
    await simulator.control('POST', '/faults', {
      route: 'POST /pal/servlet/Payment/v68/retrieve3ds2Result',
      kind: 'status',
      status: 500,
      times: 1,
    });
    expect(
      await failureOf(adapter, adapter.readSession(snapshot.providerSessionId, context)),
    ).toEqual({ class: 'unavailable' });
  });

  it('a card not enrolled is rejected as such; channel data after the create is refused as moved on', async () => {
    const adapter = adyenAdapter(simulator.url);
    expect(await failureOf(adapter, create(adapter, aContext(), '4000009900000079'))).toEqual({
      class: 'rejected',
      providerCodes: ['AuthenticationNotRequired'],
      cardNotEnrolled: true,
      sessionMovedOn: false,
    });
    expect(
      await failureOf(adapter, adapter.submitChannelData('x', aBrowserChannel() as never)),
    ).toMatchObject({ class: 'rejected', sessionMovedOn: true });
  });
});
