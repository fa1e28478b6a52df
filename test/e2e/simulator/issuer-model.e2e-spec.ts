import type { Checkout } from 'checkout-sdk-node';
import testCards from '../../../contracts/checkout/test-cards.json' with { type: 'json' };
import { contractViolations } from '../../support/checkout-contract.js';
import { answerChallenge } from '../../support/simulator/browser.js';
import { CheckoutApi, expectConformingAnswers } from '../../support/simulator/checkout-api.js';
import { officialSdkAgainst, type OfficialSdk } from '../../support/simulator/checkout-sdk.js';
import { aBrowserChannel, aSessionRequest } from '../../support/simulator/factories.js';
import { startSimulator, type SimulatorUnderTest } from '../../support/simulator/simulator-app.js';

type Session = Record<string, unknown> & {
  id: string;
  status: string;
  response_code?: string;
  acs?: { url: string; challenge_mandated: boolean };
  exemption: { applied: string };
  '3ds'?: { challenge_request: string };
};

const FRICTIONLESS_Y = '4485040371536584';
const MASTERCARD_Y = '5588686116426417';
const UNKNOWN = '4111111111111111';

/** What an issuer's risk engine reads beyond the card (docs/simulator-issuer-model.md). */
const RICH_DATA = {
  source: {
    type: 'card',
    number: FRICTIONLESS_Y,
    expiry_month: 12,
    expiry_year: 2030,
    email: 'bruce.wayne@example.com',
    mobile_phone: { country_code: '44', number: '7700900123' },
    billing_address: { address_line1: '1 Main Street', city: 'London', country: 'GB' },
  },
  shipping_address: { address_line1: '1 Main Street', city: 'London', country: 'GB' },
  shipping_address_matches_billing: true,
  account_info: { cardholder_account_age_indicator: 'more_than_sixty_days' },
  initial_transaction: { authentication_method: 'frictionless_authentication' },
};

/**
 * The simulator as an issuer model (docs/simulator-issuer-model.md), driven by Checkout's
 * official Node SDK: `challenge_indicator` per card, exemptions and their limits, unknown cards,
 * and the seeded data-driven challenges.
 */
describe('simulator: the issuer model, through checkout-sdk-node (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);
  let sdk: OfficialSdk;
  let cko: Checkout;

  beforeAll(async () => {
    simulator = await startSimulator();
    api = new CheckoutApi(simulator.url);
    sdk = officialSdkAgainst(simulator);
    cko = sdk.cko;
  });
  // Not `/_sim/reset`: it revokes tokens, and the SDK keeps its own until it expires.
  afterEach(async () => {
    await api.control('PUT', '/settings', {
      data_driven_challenges: false,
      risk_seed: 'simulator',
    });
  });
  afterAll(async () => {
    sdk.restore();
    await simulator.close();
  });

  /** POST /sessions with browser data (a final or challenged session at once), checked. */
  async function request(overrides: Record<string, unknown>): Promise<Session> {
    const session = (await cko.sessions.request(
      aSessionRequest({ channel_data: aBrowserChannel(), currency: 'EUR', ...overrides }),
    )) as Session;
    expect(contractViolations(session, 'CreateSessionOkResponse')).toEqual([]);
    return session;
  }

  async function read(id: string): Promise<Session> {
    const session = (await cko.sessions.get(id)) as Session;
    expect(contractViolations(session, 'GetSessionResponse')).toEqual([]);
    return session;
  }

  describe('challenge_indicator', () => {
    it('challenge_requested_mandate challenges a frictionless Y card, which then authenticates Y', async () => {
      const challenged = await request({
        number: FRICTIONLESS_Y,
        challenge_indicator: 'challenge_requested_mandate',
      });
      expect(challenged).toMatchObject({
        status: 'challenged',
        response_code: 'C',
        next_actions: ['challenge_cardholder'],
        acs: { challenge_mandated: true },
      });
      // No challenge_notification_url: the RReq reaches the session, the ACS ends on its own page.
      await answerChallenge(challenged.acs!.url, challenged['3ds']!.challenge_request, {
        password: testCards.password_for_challenge,
      });
      expect(await read(challenged.id)).toMatchObject({
        status: 'approved',
        response_code: 'Y',
        challenged: true,
        flow_type: 'challenged',
        exemption: { applied: 'none' },
      });
    });

    it('without a preference the same card stays frictionless', async () => {
      expect(await request({ number: FRICTIONLESS_Y })).toMatchObject({
        status: 'approved',
        response_code: 'Y',
        challenged: false,
      });
    });

    it.each([
      ['Visa', FRICTIONLESS_Y, '07'],
      ['Mastercard', MASTERCARD_Y, '06'],
    ])(
      'low_value at EUR 30.00 is applied on a %s card (%s): I, exemption low_value, ECI %s, no cryptogram',
      async (_scheme, number, eci) => {
        const session = await request({ number, amount: 3000, challenge_indicator: 'low_value' });
        expect(session).toMatchObject({
          status: 'approved',
          response_code: 'I',
          eci,
          exemption: { applied: 'low_value' },
          // The response schema's four values: an exemption request travels as EMV's "no
          // challenge requested" family.
          challenge_indicator: 'no_challenge_requested',
          challenged: false,
        });
        expect(session).not.toHaveProperty('cryptogram');
        expect(session).not.toHaveProperty('response_status_reason');
      },
    );

    it('low_value over EUR 30.00 is refused: the session goes on as no_challenge_requested', async () => {
      const session = await request({
        number: FRICTIONLESS_Y,
        amount: 3001,
        challenge_indicator: 'low_value',
      });
      expect(session).toMatchObject({
        status: 'approved',
        response_code: 'Y',
        eci: '05',
        exemption: { applied: 'none' },
        cryptogram: expect.any(String),
      });
    });

    it('an exemption is never applied on a card whose issuer refuses (N)', async () => {
      const session = await request({
        number: '4539628347117863',
        amount: 1000,
        challenge_indicator: 'low_value',
      });
      expect(session).toMatchObject({
        status: 'declined',
        response_code: 'N',
        exemption: { applied: 'none' },
      });
    });
  });

  it('refuses a card number outside the test table as not enrolled (403 card_not_enrolled)', async () => {
    const sessions = async () => (await api.control('GET', '/counters')).body.sessions_created;
    const before = await sessions();
    await expect(cko.sessions.request(aSessionRequest({ number: UNKNOWN }))).rejects.toMatchObject({
      http_code: 403,
      body: { error_type: 'operation_not_allowed', error_codes: ['card_not_enrolled'] },
    });
    expect(await sessions()).toBe(before);
  });

  describe('data-driven challenges (PUT /_sim/settings)', () => {
    const REQUESTS = 30;
    const references = Array.from({ length: REQUESTS }, (_, index) => `ORD-RISK-${index}`);

    const switchOn = async () => {
      const set = await api.control('PUT', '/settings', {
        data_driven_challenges: true,
        risk_seed: 'issuer-model-e2e',
      });
      expect(set.body).toMatchObject({
        data_driven_challenges: true,
        risk_seed: 'issuer-model-e2e',
      });
    };

    /** How many of the batch the issuer challenged, with poor or rich data. */
    const challengedIn = async (data: 'poor' | 'rich'): Promise<number> => {
      let challenged = 0;
      for (const reference of references) {
        const session = await request(
          data === 'rich'
            ? {
                ...RICH_DATA,
                reference,
                channel_data: aBrowserChannel({ three_ds_method_completion: 'Y' }),
              }
            : { number: FRICTIONLESS_Y, reference },
        );
        expect(['approved', 'challenged']).toContain(session.status);
        if (session.status === 'challenged') challenged += 1;
      }
      return challenged;
    };

    it('is off by default: a bare request on a frictionless card is never challenged', async () => {
      expect((await api.control('PUT', '/settings', {})).body).toMatchObject({
        data_driven_challenges: false,
      });
      expect(await challengedIn('poor')).toBe(0);
    });

    it('gives the same request the same decision every time', async () => {
      await switchOn();
      const decisions = new Set<string>();
      for (let attempt = 0; attempt < 3; attempt += 1) {
        decisions.add((await request({ number: FRICTIONLESS_Y, reference: 'ORD-SAME' })).status);
      }
      expect(decisions.size).toBe(1);
    });

    it('challenges a seeded batch more often when its requests carry less data', async () => {
      await switchOn();
      const poor = await challengedIn('poor');
      const rich = await challengedIn('rich');
      expect(poor).toBeGreaterThan(rich);
      expect(poor).toBeGreaterThan(REQUESTS / 2);
    });
  });
});
