import { CheckoutClientModule, sessionScopes } from '@app/checkout-client';
import {
  UpstreamRejectedRequestError,
  type ProviderReturnUrls,
  type ProviderSessionContext,
  type SessionRequest,
} from '@app/domain';
import { ConsoleLogger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { checkoutConfig } from '../../../apps/orchestrator/src/config/checkout.config.js';
import { CheckoutSessionRequests } from '../../../apps/orchestrator/src/providers/checkout/checkout-session-request.js';
import { CheckoutProvider } from '../../../apps/orchestrator/src/providers/checkout/checkout.provider.js';
import { freePort } from '../../support/free-port.js';
import { describeProviderContract, type ContractCard } from '../../support/provider-contract.js';
import { answerChallenge } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { SIMULATOR_CLIENT, startSimulator } from '../../support/simulator/simulator-app.js';
import { aCheckoutConfig } from '../../support/test-config.js';

/** Checkout's sandbox cards (docs/checkout-sessions.md#test-cards). */
const CARDS: Record<Exclude<ContractCard, 'threeDsMethod'>, string> = {
  frictionless: '4485040371536584',
  challenge: '4242424242424242',
  refused: '4484070000035519',
};

/** Checkout's adapter as the orchestrator wires it, on the real HTTP client. */
async function checkoutAdapter(apiUrl: string) {
  const config = aCheckoutConfig({
    apiUrl,
    tokenUrl: `${apiUrl}/connect/token`,
    clientId: SIMULATOR_CLIENT.id,
    clientSecret: SIMULATOR_CLIENT.secret,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      CheckoutClientModule.forRootAsync({
        useFactory: () => ({
          apiUrl: config.apiUrl,
          tokenUrl: config.tokenUrl,
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          scopes: sessionScopes(config.channels),
          timeouts: {
            tokenMs: config.timeoutMs,
            readMs: config.timeoutMs,
            writeMs: config.timeoutMs,
            authenticationMs: config.authenticationTimeoutMs,
          },
          tokenRefreshMarginMs: 60_000,
        }),
      }),
    ],
    providers: [
      { provide: checkoutConfig.KEY, useValue: config },
      CheckoutSessionRequests,
      CheckoutProvider,
    ],
  })
    .setLogger(new ConsoleLogger({ logLevels: [] }))
    .compile();
  return { provider: moduleRef.get(CheckoutProvider), close: () => moduleRef.close() };
}

describeProviderContract('Checkout', async () => {
  const simulator = await startSimulator();
  const live = await checkoutAdapter(simulator.url);
  const down = await checkoutAdapter(`http://127.0.0.1:${await freePort()}`);
  return {
    provider: live.provider,
    unreachable: down.provider,
    cards: CARDS,
    passChallenge: async (nextAction) => {
      if (nextAction.type !== 'challenge' || nextAction.channel !== 'browser') {
        throw new Error(`not a browser challenge: ${nextAction.type}`);
      }
      await answerChallenge(nextAction.acs_url, nextAction.creq, { password: 'Checkout1!' });
    },
    unknownSessionId: 'sid_av6o4xl4h7yejkliycvn67euay',
    close: async () => {
      await live.close();
      await down.close();
      await simulator.close();
    },
  };
});

/** What Checkout refuses (docs/checkout-sessions.md#errors), as the adapter classifies it. */
describe("Checkout's refusals through the adapter (e2e)", () => {
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  let live: Awaited<ReturnType<typeof checkoutAdapter>>;
  const context: ProviderSessionContext = {
    authenticationId: 'auth_refusals',
    channel: 'browser',
    hosted: false,
    methodNotificationUrl: 'http://127.0.0.1:9/notifications/3ds-method/auth_refusals',
  };
  const urls: ProviderReturnUrls = {
    callback: 'http://127.0.0.1:9/callbacks/auth_refusals/token',
    challengeNotification: 'http://127.0.0.1:9/notifications/challenge/auth_refusals',
    hostedSuccess: 'http://127.0.0.1:9/hosted/auth_refusals/token/success',
    hostedFailure: 'http://127.0.0.1:9/hosted/auth_refusals/token/failure',
  };
  const aRequest = (fields: Record<string, unknown>) =>
    ({
      source: { type: 'card', number: CARDS.challenge, expiry_month: 12, expiry_year: 2030 },
      currency: 'EUR',
      channel: 'browser',
      ...fields,
    }) as unknown as SessionRequest;

  beforeAll(async () => {
    simulator = await startSimulator();
    live = await checkoutAdapter(simulator.url);
  });
  afterAll(async () => {
    await live.close();
    await simulator.close();
  });

  it('a recurring create without an amount: 422 amount_required, rejected, no card matter', async () => {
    const refused = await live.provider
      .createSession(
        'team-refusals',
        aRequest({
          authentication_type: 'recurring',
          recurring: { days_between_payments: 28, expiry: '20301231' },
        }),
        urls,
        context,
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(UpstreamRejectedRequestError);
    expect(refused).toMatchObject({ status: 422, errorCodes: ['amount_required'] });
    expect(live.provider.failureOf(refused)).toEqual({
      class: 'rejected',
      providerCodes: ['amount_required'],
      cardNotEnrolled: false,
      sessionMovedOn: false,
    });
  });

  it('complete on an abandoned challenge: refused as past that step, and the read says so', async () => {
    const { snapshot } = await live.provider.createSession(
      'team-refusals',
      aRequest({ amount: 6540, channel_data: aBrowserChannel() }),
      urls,
      context,
    );
    const next = snapshot.nextAction;
    if (next?.type !== 'challenge' || next.channel !== 'browser') throw new Error('no challenge');
    await answerChallenge(next.acs_url, next.creq, 'cancel');
    const read = await live.provider.readSession(snapshot.providerSessionId, context);
    expect(read).toMatchObject({
      providerStatus: 'challenge_abandoned',
      event: { type: 'challenge_abandoned' },
      completed: false,
      completable: false,
    });
    const refused = await live.provider.complete(snapshot.providerSessionId).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(live.provider.failureOf(refused)).toMatchObject({
      class: 'rejected',
      providerCodes: ['update_not_allowed_due_to_state'],
      sessionMovedOn: true,
    });
  });
});
