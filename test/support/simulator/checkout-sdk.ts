import { Checkout } from 'checkout-sdk-node';
import { SIMULATOR_CLIENT, type SimulatorUnderTest } from './simulator-app.js';

/** The SDK's token URLs: fixed to Checkout's hosts, whatever `host` says (live or sandbox). */
const CHECKOUT_TOKEN_HOSTS = new Set(['access.checkout.com', 'access.sandbox.checkout.com']);

export interface OfficialSdk {
  readonly cko: Checkout;
  /** Token requests the SDK made (it requests, reads and renews its token itself). */
  tokenRequests(): number;
  /** Gives the process its own `fetch` back. */
  restore(): void;
}

/**
 * Checkout's official Node SDK, unmodified and with its default HTTP client (fetch), pointed at
 * the simulator: its `host` option sends its API calls there. Its token URL cannot be
 * configured (always Checkout's access host), so in this process alone a request to that URL
 * goes to the simulator's `/connect/token`, as a DNS entry would send it; any other request to
 * checkout.com fails.
 */
export function officialSdkAgainst(simulator: SimulatorUnderTest): OfficialSdk {
  const originalFetch = globalThis.fetch;
  let tokenRequests = 0;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (CHECKOUT_TOKEN_HOSTS.has(url.hostname) && url.pathname === '/connect/token') {
      tokenRequests += 1;
      return originalFetch(`${simulator.url}/connect/token`, init);
    }
    if (url.hostname.endsWith('checkout.com')) throw new Error(`left the simulator: ${url}`);
    return originalFetch(input, init);
  };
  const cko = new Checkout(SIMULATOR_CLIENT.secret, {
    client: SIMULATOR_CLIENT.id,
    scope: ['sessions:browser', 'sessions:app'],
    host: simulator.url,
  });
  return {
    cko,
    tokenRequests: () => tokenRequests,
    restore: () => {
      globalThis.fetch = originalFetch;
    },
  };
}
