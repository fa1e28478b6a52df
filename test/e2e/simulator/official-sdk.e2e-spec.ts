import { Checkout } from 'checkout-sdk-node';
import { contractViolations } from '../../support/checkout-contract.js';
import { aBrowserChannel, aSessionRequest } from '../../support/simulator/factories.js';
import {
  SIMULATOR_CLIENT,
  startSimulatorWithMerchant,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';

/** What the SDK keeps of an OAuth token (`config.access`), as it stores one it fetched itself. */
interface SdkConfig {
  access?: { token: string; type: string; scope: string; expires: Date };
}

type Session = Record<string, unknown> & { id: string; status: string; next_actions: string[] };

/**
 * Checkout's official Node SDK, unmodified, drives the simulator through every Sessions call it
 * has. Its `host` option points it at the simulator; its token URL cannot be changed (it is
 * Checkout's own), so the token it would have fetched is fetched from the simulator and handed
 * to it where the SDK keeps its own.
 */
describe('simulator: driven by checkout-sdk-node (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let merchant: Awaited<ReturnType<typeof startSimulatorWithMerchant>>['merchant'];
  let cko: Checkout;

  beforeAll(async () => {
    const started = await startSimulatorWithMerchant();
    simulator = started.simulator;
    merchant = started.merchant;
    cko = new Checkout(SIMULATOR_CLIENT.secret, {
      client: SIMULATOR_CLIENT.id,
      scope: ['sessions:browser', 'sessions:app'],
      host: simulator.url,
      httpClient: 'axios',
    });
    const [type, token] = started.oauth.split(' ');
    (cko as unknown as { config: SdkConfig }).config.access = {
      token,
      type,
      scope: 'sessions:browser sessions:app',
      expires: new Date(Date.now() + 3_600_000),
    };
  });
  afterAll(async () => {
    await merchant.close();
    await simulator.close();
  });

  it('requests, reads, fingerprints, updates and completes a session without an error', async () => {
    const requested = (await cko.sessions.request(
      aSessionRequest({
        completion: { type: 'non_hosted', callback_url: merchant.to('/callback') },
      }),
    )) as Session;
    expect(requested.status).toBe('pending');
    expect(requested.next_actions).toContain('issuer_fingerprint');
    expect(contractViolations(requested, 'CreateSessionAcceptedResponse')).toEqual([]);

    const read = (await cko.sessions.get(requested.id)) as Session;
    expect(read.id).toBe(requested.id);
    expect(contractViolations(read, 'GetSessionResponse')).toEqual([]);

    const fingerprinted = (await cko.sessions.update3DSMethodCompletionIndicator(
      requested.id,
      'Y',
    )) as Session;
    expect(fingerprinted.next_actions).toContain('collect_channel_data');

    const updated = (await cko.sessions.update(requested.id, aBrowserChannel())) as Session;
    expect(updated.status).toBe('approved');

    await expect(cko.sessions.complete(requested.id)).resolves.not.toThrow();
    const completed = (await cko.sessions.get(requested.id)) as Session;
    expect(completed).toMatchObject({ status: 'approved', completed: true });
    expect(merchant.received('/callback')).toHaveLength(1);
  });
});
