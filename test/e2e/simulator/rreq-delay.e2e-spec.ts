import { contractViolations } from '../../support/checkout-contract.js';
import { answerChallenge, decodeJson, formOf, postForm } from '../../support/simulator/browser.js';
import {
  CheckoutApi,
  type ApiResponse,
  expectConformingAnswers,
} from '../../support/simulator/checkout-api.js';
import { aBrowserChannel, aSessionRequest } from '../../support/simulator/factories.js';
import {
  startSimulatorWithClient,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';

const CHALLENGE_Y = '4242424242424242';
const PASSWORD = { password: 'Checkout1!' };
const RREQ_DELAY_MS = 30_000;

/**
 * The RReq's delay (SIMULATOR_RREQ_DELAY_MS, or `PUT /_sim/settings`): the CRes goes to the
 * browser at once, the session stays `challenged` until the delay has passed on the simulated
 * clock.
 */
describe('simulator: RReq delay after the challenge (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);
  let oauth: string;

  beforeAll(async () => {
    ({ simulator, api } = await startSimulatorWithClient());
  });
  beforeEach(async () => {
    await api.control('POST', '/reset');
    oauth = await api.token();
  });
  afterAll(() => simulator.close());

  const read = async (id: string): Promise<ApiResponse> => {
    const response = await api.getSession(oauth, id);
    expect(response.status).toBe(200);
    expect(contractViolations(response.body, 'GetSessionResponse')).toEqual([]);
    return response;
  };

  const answeredChallenge = async () => {
    const created = await api.createSession(
      oauth,
      aSessionRequest({
        number: CHALLENGE_Y,
        channel_data: aBrowserChannel(),
        completion: {
          type: 'non_hosted',
          challenge_notification_url: 'https://merchant.example/notify',
        },
      }),
    );
    expect(created.status).toBe(201);
    expect(contractViolations(created.body, 'CreateSessionOkResponse')).toEqual([]);
    const creq = created.body['3ds'].challenge_request as string;
    const cresPage = await answerChallenge(created.body.acs.url, creq, PASSWORD);
    return { session: created.body, creq, cres: decodeJson(formOf(cresPage.html).fields.cres) };
  };

  it('keeps the session challenged after the CRes until the delay has passed', async () => {
    const set = await api.control('PUT', '/settings', { rreq_delay_ms: RREQ_DELAY_MS });
    expect(set.body).toEqual({
      rreq_delay_ms: RREQ_DELAY_MS,
      data_driven_challenges: false,
      risk_seed: 'simulator',
    });

    const { session, creq, cres } = await answeredChallenge();
    expect(cres).toMatchObject({ messageType: 'CRes', transStatus: 'Y' });
    expect((await read(session.id)).body).toMatchObject({
      status: 'challenged',
      next_actions: ['challenge_cardholder'],
    });
    // The challenge was answered: the ACS page does not take it again.
    expect((await postForm(session.acs.url, { creq })).status).toBe(400);

    await api.control('POST', '/clock/advance', { ms: RREQ_DELAY_MS / 2 });
    expect((await read(session.id)).body.status).toBe('challenged');
    await api.control('POST', '/clock/advance', { ms: RREQ_DELAY_MS / 2 });
    expect((await read(session.id)).body).toMatchObject({
      status: 'approved',
      response_code: 'Y',
      status_reason: 'rreq_status',
      challenged: true,
      next_actions: ['complete'],
    });
  });

  it('makes the session final with the CRes by default, and again after a reset', async () => {
    await api.control('PUT', '/settings', { rreq_delay_ms: RREQ_DELAY_MS });
    await api.control('POST', '/reset');
    oauth = await api.token();
    const { session } = await answeredChallenge();
    expect((await read(session.id)).body.status).toBe('approved');
  });

  it('refuses a negative delay', async () => {
    const refused = await api.control('PUT', '/settings', { rreq_delay_ms: -1 });
    expect(refused.status).toBe(422);
  });
});
