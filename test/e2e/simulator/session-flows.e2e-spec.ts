import { contractViolations } from '../../support/checkout-contract.js';
import { HttpRecorder } from '../../support/http-recorder.js';
import {
  answer3ds1,
  answerChallenge,
  decodeJson,
  formOf,
  postForm,
} from '../../support/simulator/browser.js';
import {
  CheckoutApi,
  type ApiResponse,
  expectConformingAnswers,
} from '../../support/simulator/checkout-api.js';
import {
  aBrowserChannel,
  anAppChannel,
  aSessionRequest,
} from '../../support/simulator/factories.js';
import {
  startSimulator,
  startSimulatorWithMerchant,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';

const FRICTIONLESS_Y = '4485040371536584';
const CHALLENGE_Y = '4242424242424242';
const THREE_DS1_N = '4929640381570541';
const PASSWORD = 'Checkout1!';

/** A challenged browser session (card 4242…), created with channel data in one call. */
async function aChallengedSession(api: CheckoutApi, oauth: string, completion?: object) {
  const created = await api.createSession(
    oauth,
    aSessionRequest({
      number: CHALLENGE_Y,
      channel_data: aBrowserChannel(),
      ...(completion ? { completion } : {}),
    }),
  );
  expect(created.status).toBe(201);
  expect(created.body.status).toBe('challenged');
  return created.body;
}

function expectSession(response: ApiResponse, status = 200): void {
  expect(response.status).toBe(status);
  expect(contractViolations(response.body, 'GetSessionResponse')).toEqual([]);
}

/**
 * Flows the card matrix (test-cards.e2e-spec) does not drive: channel data on create, the app
 * channel, challenge variants, simulated time and the 3DS1 fallback.
 */
describe('simulator: session flows (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let merchant: HttpRecorder;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);
  let oauth: string;

  beforeAll(async () => {
    ({ simulator, merchant, api, oauth } = await startSimulatorWithMerchant());
  });
  afterAll(async () => {
    await simulator.close();
    await merchant.close();
  });
  beforeEach(() => merchant.clear());

  describe('create with browser channel_data', () => {
    it('answers 201 with a final approved result for a frictionless card', async () => {
      const created = await api.createSession(
        oauth,
        aSessionRequest({ number: FRICTIONLESS_Y, channel_data: aBrowserChannel() }),
      );
      expect(created.status).toBe(201);
      expect(contractViolations(created.body, 'CreateSessionOkResponse')).toEqual([]);
      expect(created.body).toMatchObject({
        status: 'approved',
        approved: true,
        status_reason: 'ares_status',
        response_code: 'Y',
        challenged: false,
        next_actions: ['complete'],
      });
      expect(created.body.session_secret).toMatch(/^sek_.{44}$/);
      expect(created.body._links.complete.href).toBe(
        `${simulator.url}/sessions/${created.body.id}/complete`,
      );
      expect(created.body._links.collect_channel_data).toBeUndefined();
    });

    it('answers 201 challenged with an ACS URL and a ready CReq for a challenge card', async () => {
      const created = await api.createSession(
        oauth,
        aSessionRequest({ number: CHALLENGE_Y, channel_data: aBrowserChannel() }),
      );
      expect(created.status).toBe(201);
      expect(contractViolations(created.body, 'CreateSessionOkResponse')).toEqual([]);
      const session = created.body;
      expect(session).toMatchObject({
        status: 'challenged',
        response_code: 'C',
        next_actions: ['challenge_cardholder'],
      });
      expect(session.acs.url).toBe(`${simulator.url}/acs/challenge`);
      expect(session.acs.interface).toBe('html');
      expect(decodeJson(session['3ds'].challenge_request)).toMatchObject({
        messageType: 'CReq',
        threeDSServerTransID: session.transaction_id,
        acsTransID: session.acs.transaction_id,
      });
      expect(session._links.complete).toBeUndefined();
    });
  });

  describe('app channel', () => {
    it('returns a final result for a frictionless card, with DS certificates on OAuth reads', async () => {
      const created = await api.createSession(
        oauth,
        aSessionRequest({ number: FRICTIONLESS_Y, channel_data: anAppChannel() }),
      );
      expect(created.status).toBe(201);
      expect(contractViolations(created.body, 'CreateSessionOkResponse')).toEqual([]);
      expect(created.body).toMatchObject({ status: 'approved', next_actions: ['complete'] });
      expect(created.body._links.complete).toBeDefined();

      const read = await api.getSession(oauth, created.body.id);
      expectSession(read);
      expect(read.body.certificates).toEqual({
        ds_public: expect.any(String),
        ca_public: expect.any(String),
        ca_public_all: [read.body.certificates.ca_public],
      });
    });

    it('challenges natively with acs.signed_content and no ACS URL for a challenge card', async () => {
      const created = await api.createSession(
        oauth,
        aSessionRequest({ number: CHALLENGE_Y, channel_data: anAppChannel() }),
      );
      expect(created.status).toBe(201);
      expect(contractViolations(created.body, 'CreateSessionOkResponse')).toEqual([]);
      const session = created.body;
      expect(session).toMatchObject({
        status: 'challenged',
        response_code: 'C',
        next_actions: ['challenge_cardholder'],
      });
      expect(contractViolations(session.acs, 'Acs')).toEqual([]);
      expect(session.acs.interface).toBe('native_ui');
      expect(session.acs.signed_content).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(session.acs.url).toBeUndefined();
      expect(session['3ds']).toBeUndefined();
      expect(session._links.complete).toBeUndefined();
    });

    it('refuses issuer-fingerprint on an app session with 422 three_ds_method_not_supported_for_app', async () => {
      const created = await api.createSession(
        oauth,
        aSessionRequest({ number: FRICTIONLESS_Y, channel_data: anAppChannel() }),
      );
      const fingerprinted = await api.issuerFingerprint(oauth, created.body.id, 'Y');
      expect(fingerprinted.status).toBe(422);
      expect(contractViolations(fingerprinted.body, 'ErrorResponse')).toEqual([]);
      expect(fingerprinted.body).toMatchObject({
        error_type: 'unprocessable_entity',
        error_codes: ['three_ds_method_not_supported_for_app'],
      });
    });
  });

  describe('challenge variants (card 4242…)', () => {
    it('declines with response_code N after a wrong password', async () => {
      const session = await aChallengedSession(api, oauth, {
        type: 'non_hosted',
        challenge_notification_url: merchant.to('/notify'),
      });
      const page = await answerChallenge(session.acs.url, session['3ds'].challenge_request, {
        password: 'not-the-password',
      });
      const toMerchant = formOf(page.html);
      await postForm(toMerchant.action, toMerchant.fields);
      const [arrived] = await merchant.waitFor('/notify');
      expect(decodeJson(String(arrived.body?.cres))).toMatchObject({
        messageType: 'CRes',
        transStatus: 'N',
      });
      const final = await api.getSession(oauth, session.id);
      expectSession(final);
      expect(final.body).toMatchObject({
        status: 'declined',
        approved: false,
        response_code: 'N',
        status_reason: 'rreq_status',
        challenged: true,
        next_actions: ['complete'],
      });
      expect(final.body.cryptogram).toBeUndefined();
      expect(final.body._links.complete).toBeDefined();
    });

    it('ends challenge_abandoned with cardholder_cancel when the cardholder cancels', async () => {
      const session = await aChallengedSession(api, oauth);
      await answerChallenge(session.acs.url, session['3ds'].challenge_request, 'cancel');
      const final = await api.getSession(oauth, session.id);
      expectSession(final);
      expect(final.body).toMatchObject({ status: 'challenge_abandoned', next_actions: [] });
      expect(final.body.acs.challenge_cancel_reason).toBe('cardholder_cancel');
      expect(final.body._links.complete).toBeUndefined();

      // Nothing to hand over: complete is refused, as on any session past that step.
      const completed = await api.complete(oauth, session.id);
      expect(completed.status).toBe(403);
      expect(contractViolations(completed.body, 'ErrorResponse')).toEqual([]);
      expect(completed.body).toMatchObject({
        error_type: 'operation_not_allowed',
        error_codes: ['update_not_allowed_due_to_state'],
      });
      expect((await api.getSession(oauth, session.id)).body.completed).toBe(false);
    });

    it('answers 400 on the ACS page once the session is final', async () => {
      const session = await aChallengedSession(api, oauth);
      const creq = session['3ds'].challenge_request;
      await answerChallenge(session.acs.url, creq, { password: PASSWORD });
      expect((await api.getSession(oauth, session.id)).body.status).toBe('approved');

      expect((await postForm(session.acs.url, { creq })).status).toBe(400);
      const replay = await postForm(`${simulator.url}/acs/challenge/answer`, {
        acsTransID: session.acs.transaction_id,
        action: 'submit',
        password: 'wrong',
      });
      expect(replay.status).toBe(400);
      expect((await api.getSession(oauth, session.id)).body.status).toBe('approved');
    });

    it('shows its own result page (no form) without a challenge_notification_url', async () => {
      const session = await aChallengedSession(api, oauth, { type: 'non_hosted' });
      const page = await answerChallenge(session.acs.url, session['3ds'].challenge_request, {
        password: PASSWORD,
      });
      expect(page.status).toBe(200);
      expect(() => formOf(page.html)).toThrow(/no form/);
      expect(page.html).toContain('approved');
      expect(merchant.requests).toEqual([]);
    });
  });

  describe('3DS1 fallback (amount 123321)', () => {
    it('downgrades a 3DS2 card to 1.0.2 and approves after the PaReq/PaRes round trip', async () => {
      const created = await api.createSession(
        oauth,
        aSessionRequest({ number: FRICTIONLESS_Y, amount: 123321 }),
      );
      expect(created.status).toBe(202);
      expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
      const session = created.body;
      expect(session).toMatchObject({
        status: 'pending',
        protocol_version: '1.0.2',
        next_actions: ['collect_channel_data'],
      });
      expect(session._links.three_ds_method_url).toBeUndefined();

      const collected = await api.collectData(oauth, session.id, aBrowserChannel());
      expectSession(collected);
      expect(collected.body).toMatchObject({
        status: 'challenged',
        protocol_version: '1.0.2',
        next_actions: ['authenticate'],
      });
      expect(collected.body.pareq).toEqual(expect.any(String));
      expect(collected.body._links.acs_url.href).toBe(`${simulator.url}/acs/3ds1`);
      expect(collected.body._links.term_url.href).toBe(`${simulator.url}/3ds1/term`);

      const { toTerm, termPage } = await answer3ds1(
        collected.body._links.acs_url.href,
        collected.body.pareq,
        collected.body._links.term_url.href,
        session.id,
        PASSWORD,
      );
      expect(toTerm.fields.MD).toBe(session.id);
      expect(toTerm.fields.PaRes).toEqual(expect.any(String));
      expect(termPage.status).toBe(200);

      const final = await api.getSession(oauth, session.id);
      expectSession(final);
      expect(final.body).toMatchObject({
        status: 'approved',
        approved: true,
        status_reason: 'pares_status',
        protocol_version: '1.0.2',
        challenged: true,
        next_actions: ['complete'],
      });
      expect(final.body._links.complete).toBeDefined();
      expect(final.body._links.acs_url).toBeUndefined();
      expect(final.body.response_code).toBeUndefined();
    });

    it('refuses a 3DS1 card with amount 0 with 403 card_not_enrolled', async () => {
      const created = await api.createSession(
        oauth,
        aSessionRequest({ number: THREE_DS1_N, amount: 0 }),
      );
      expect(created.status).toBe(403);
      expect(contractViolations(created.body, 'ErrorResponse')).toEqual([]);
      expect(created.body).toMatchObject({
        error_type: 'operation_not_allowed',
        error_codes: ['card_not_enrolled'],
      });
    });
  });

  describe('cards outside the test table', () => {
    it.each([
      ['4111111111111111', 'without channel data', {}],
      ['5555555555554444', 'with browser data', { channel_data: aBrowserChannel() }],
    ])(
      '%s is refused at creation as not enrolled (403 card_not_enrolled), %s',
      async (number, _label, extra) => {
        const before = await api.control('GET', '/counters');
        const created = await api.createSession(oauth, aSessionRequest({ number, ...extra }));
        expect(created.status).toBe(403);
        expect(contractViolations(created.body, 'ErrorResponse')).toEqual([]);
        expect(created.body).toMatchObject({
          error_type: 'operation_not_allowed',
          error_codes: ['card_not_enrolled'],
        });
        const after = await api.control('GET', '/counters');
        expect(after.body.sessions_created).toBe(before.body.sessions_created);
      },
    );
  });
});

/** Expiry and challenge time-outs on the simulated clock (advanced, never waited for). */
describe('simulator: session time-outs (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);
  let oauth: string;

  beforeAll(async () => {
    simulator = await startSimulator({ sessionTtlSeconds: 60, challengeTtlSeconds: 30 });
    api = new CheckoutApi(simulator.url);
    oauth = await api.token();
  });
  afterAll(() => simulator.close());

  const advance = async (ms: number) =>
    expect((await api.control('POST', '/clock/advance', { ms })).status).toBeLessThan(300);

  it('expires a pending session after the session TTL and refuses to complete it', async () => {
    const created = await api.createSession(oauth, aSessionRequest());
    expect(created.body.status).toBe('pending');
    await advance(59_000);
    expect((await api.getSession(oauth, created.body.id)).body.status).toBe('pending');

    await advance(2_000);
    const expired = await api.getSession(oauth, created.body.id);
    expectSession(expired);
    expect(expired.body).toMatchObject({ status: 'expired', next_actions: [] });
    expect(Object.keys(expired.body._links)).toEqual(['self']);

    const completed = await api.complete(oauth, created.body.id);
    expect(completed.status).toBe(403);
    expect(contractViolations(completed.body, 'ErrorResponse')).toEqual([]);
    expect(completed.body).toMatchObject({
      error_type: 'operation_not_allowed',
      error_codes: ['update_not_allowed_due_to_state'],
    });
  });

  it('abandons an unanswered challenge after the challenge TTL and closes the ACS page', async () => {
    const session = await aChallengedSession(api, oauth);
    await advance(31_000);
    const abandoned = await api.getSession(oauth, session.id);
    expectSession(abandoned);
    expect(abandoned.body).toMatchObject({ status: 'challenge_abandoned', next_actions: [] });
    expect(abandoned.body.acs.challenge_cancel_reason).toBe('challenge_timed_out');
    const completed = await api.complete(oauth, session.id);
    expect(completed.status).toBe(403);
    expect(completed.body.error_codes).toEqual(['update_not_allowed_due_to_state']);

    const acsPage = await postForm(session.acs.url, { creq: session['3ds'].challenge_request });
    expect(acsPage.status).toBe(400);
  });
});
