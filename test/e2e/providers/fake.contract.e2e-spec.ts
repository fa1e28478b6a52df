import { FAKE_CARDS, FakeProvider } from '../../support/fake-provider.js';
import { describeProviderContract } from '../../support/provider-contract.js';

/** The flow specs' fake keeps the contract every adapter keeps, so what they show holds for it. */
describeProviderContract('The fake provider', () => {
  const provider = new FakeProvider();
  return Promise.resolve({
    provider,
    unreachable: new FakeProvider(false),
    cards: FAKE_CARDS,
    passChallenge: (nextAction) => {
      if (nextAction.type !== 'challenge' || nextAction.channel !== 'browser') {
        return Promise.reject(new Error(`not a browser challenge: ${nextAction.type}`));
      }
      provider.passChallenge(nextAction.creq);
      return Promise.resolve();
    },
    unknownSessionId: 'fake_unknown',
    close: () => Promise.resolve(),
  });
});
