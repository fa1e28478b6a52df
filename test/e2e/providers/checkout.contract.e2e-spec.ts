import { CheckoutClientModule, sessionScopes } from '@app/checkout-client';
import { ConsoleLogger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { checkoutConfig } from '../../../apps/orchestrator/src/config/checkout.config.js';
import { CheckoutSessionRequests } from '../../../apps/orchestrator/src/providers/checkout/checkout-session-request.js';
import { CheckoutProvider } from '../../../apps/orchestrator/src/providers/checkout/checkout.provider.js';
import { freePort } from '../../support/free-port.js';
import { describeProviderContract, type ContractCard } from '../../support/provider-contract.js';
import { answerChallenge } from '../../support/simulator/browser.js';
import { SIMULATOR_CLIENT, startSimulator } from '../../support/simulator/simulator-app.js';
import { aCheckoutConfig } from '../../support/test-config.js';

/** Checkout's sandbox cards (docs/checkout-sessions.md#test-cards). */
const CARDS: Record<ContractCard, string> = {
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
