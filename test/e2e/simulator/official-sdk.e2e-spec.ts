import type { Checkout } from 'checkout-sdk-node';
import testCards from '../../../contracts/checkout/test-cards.json' with { type: 'json' };
import { contractViolations } from '../../support/checkout-contract.js';
import type { HttpRecorder } from '../../support/http-recorder.js';
import { answerChallenge, formOf, postForm } from '../../support/simulator/browser.js';
import { officialSdkAgainst, type OfficialSdk } from '../../support/simulator/checkout-sdk.js';
import { aBrowserChannel, aSessionRequest } from '../../support/simulator/factories.js';
import {
  startSimulatorWithMerchant,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';

type Session = Record<string, unknown> & {
  id: string;
  status: string;
  next_actions: string[];
  acs?: { url: string };
  '3ds'?: { challenge_request: string };
};

const cardFor = (flow: string) =>
  testCards.cards.find((card) => card.flow === flow && card.outcome === 'Y')!;

/**
 * Checkout's official Node SDK, unmodified and with its default HTTP client (fetch), drives the
 * simulator through every Sessions call it has (test/support/simulator/checkout-sdk.ts).
 */
describe('simulator: driven by checkout-sdk-node (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let merchant: HttpRecorder;
  let sdk: OfficialSdk;
  let cko: Checkout;

  beforeAll(async () => {
    ({ simulator, merchant } = await startSimulatorWithMerchant());
    sdk = officialSdkAgainst(simulator);
    cko = sdk.cko;
  });
  afterAll(async () => {
    sdk.restore();
    await merchant.close();
    await simulator.close();
  });
  beforeEach(() => merchant.clear());

  async function requestReadAndUpdate(cardNumber: string): Promise<Session> {
    const requested = (await cko.sessions.request(
      aSessionRequest({
        number: cardNumber,
        completion: {
          type: 'non_hosted',
          callback_url: merchant.to('/callback'),
          challenge_notification_url: merchant.to('/challenge-notification'),
        },
      }),
    )) as Session;
    expect(contractViolations(requested, 'CreateSessionAcceptedResponse')).toEqual([]);
    expect(requested.status).toBe('pending');
    expect(requested.next_actions).toContain('issuer_fingerprint');

    const read = (await cko.sessions.get(requested.id)) as Session;
    expect(contractViolations(read, 'GetSessionResponse')).toEqual([]);
    expect(read.id).toBe(requested.id);

    const fingerprinted = (await cko.sessions.update3DSMethodCompletionIndicator(
      requested.id,
      'Y',
    )) as Session;
    expect(contractViolations(fingerprinted, 'GetSessionResponseAfterChannelDataSupplied')).toEqual(
      [],
    );
    expect(fingerprinted.next_actions).toEqual(['collect_channel_data']);

    const updated = (await cko.sessions.update(requested.id, aBrowserChannel())) as Session;
    expect(contractViolations(updated, 'GetSessionResponse')).toEqual([]);
    return updated;
  }

  async function completeAndRead(id: string): Promise<void> {
    // Checkout answers 204: the SDK hands back an empty object.
    await expect(cko.sessions.complete(id)).resolves.toEqual({});
    const completed = (await cko.sessions.get(id)) as Session;
    expect(contractViolations(completed, 'GetSessionResponse')).toEqual([]);
    expect(completed).toMatchObject({ status: 'approved', completed: true });
    await merchant.waitFor('/callback');
  }

  it('runs a frictionless card: request, get, issuer fingerprint, update, complete', async () => {
    const updated = await requestReadAndUpdate(cardFor('frictionless').number);
    expect(updated).toMatchObject({ status: 'approved', next_actions: ['complete'] });
    await completeAndRead(updated.id);
    expect(sdk.tokenRequests()).toBeGreaterThan(0);
  });

  it('runs a challenge card: request, get, issuer fingerprint, update, challenge, complete', async () => {
    const updated = await requestReadAndUpdate(cardFor('challenge').number);
    expect(updated).toMatchObject({
      status: 'challenged',
      next_actions: ['challenge_cardholder'],
    });
    const cresPage = await answerChallenge(updated.acs!.url, updated['3ds']!.challenge_request, {
      password: testCards.password_for_challenge,
    });
    const toMerchant = formOf(cresPage.html);
    await postForm(toMerchant.action, toMerchant.fields);
    const challenged = (await cko.sessions.get(updated.id)) as Session;
    expect(contractViolations(challenged, 'GetSessionResponse')).toEqual([]);
    expect(challenged).toMatchObject({ status: 'approved', next_actions: ['complete'] });
    await completeAndRead(updated.id);
  });
});
