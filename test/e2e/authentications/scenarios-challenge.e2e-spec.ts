import {
  answer3ds1,
  answerChallenge,
  decodeJson,
  formOf,
  postForm,
  runThreeDsMethod,
  type ChallengeAnswer,
} from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody, type Wire } from '../../support/result-expectations.js';
import { formatViolations } from '../../support/psp-contract.js';

interface ChallengeCase {
  readonly scenario: string;
  readonly card: string;
  /** create: channel data sent with the create; method: 3DS Method, then channel data. */
  readonly via: 'create' | 'method';
  readonly answer: ChallengeAnswer;
  readonly outcome: string;
  readonly guidance: string;
  readonly transStatus: string;
  readonly eci: string;
  readonly cryptogram: boolean;
}

const PASSWORD = { password: 'Checkout1!' };

const CHALLENGES: ChallengeCase[] = [
  ['to Y is authenticated', '4242424242424242', 'create', PASSWORD, 'authenticated', 'Y'],
  ['to N is not authenticated', '4243754271700719', 'method', PASSWORD, 'not_authenticated', 'N'],
  ['to A is attempted', '4152868552773614', 'create', PASSWORD, 'attempted', 'A'],
  ['to R is rejected', '4870527017700692', 'method', PASSWORD, 'rejected', 'R'],
  ['to U is unavailable', '4447336775378848', 'create', PASSWORD, 'unavailable', 'U'],
  [
    'with a wrong password is not authenticated',
    '4242424242424242',
    'method',
    { password: 'not-the-password' },
    'not_authenticated',
    'N',
  ],
].map(([scenario, card, via, answer, outcome, transStatus]) => ({
  scenario: scenario as string,
  card: card as string,
  via: via as ChallengeCase['via'],
  answer: answer as ChallengeAnswer,
  outcome: outcome as string,
  guidance: {
    authenticated: 'proceed_with_liability_shift',
    attempted: 'proceed_with_liability_shift',
    not_authenticated: 'do_not_proceed',
    rejected: 'do_not_proceed',
    unavailable: 'proceed_without_liability_shift',
  }[outcome as string]!,
  transStatus: transStatus as string,
  eci: { Y: '05', A: '06' }[transStatus as string] ?? '07',
  cryptogram: transStatus === 'Y' || transStatus === 'A',
}));

describe('authentication scenarios: browser challenges and 3DS1 (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  /** Creates a browser authentication and brings it to its first step after channel data. */
  const startBrowser = async (card: string, via: 'create' | 'method', amount = 6540) => {
    if (via === 'create') {
      const created = await ctx.client
        .create(aCreateBody(card, { amount, channel_data: aBrowserChannel() }))
        .expect(201);
      return created.body;
    }
    const created = await ctx.client.create(aCreateBody(card, { amount })).expect(201);
    const id = created.body.id as string;
    const method = created.body.next_action;
    if (method?.type === 'three_ds_method') {
      const transactionId = decodeJson(method.three_ds_method_data).threeDSServerTransID as string;
      await runThreeDsMethod(method.method_url, transactionId, method.notification_url);
      await ctx.waitForState(id, 'awaiting_channel_data');
    }
    return (
      await ctx
        .api('post', `/v1/authentications/${id}/channel-data`)
        .send({ channel_data: aBrowserChannel() })
        .expect(200)
    ).body;
  };

  /** The cardholder answers the ACS page; the browser posts the CRes to our notification URL. */
  const answerAtTheAcs = async (authentication: Wire, answer: ChallengeAnswer) => {
    const cresPage = await answerChallenge(
      authentication.next_action.acs_url,
      authentication.next_action.creq,
      answer,
    );
    const notification = formOf(cresPage.html);
    expect(notification.action).toBe(
      `${ctx.orchestrator.url}/notifications/challenge/${authentication.id}`,
    );
    const landed = await postForm(notification.action, notification.fields);
    expect(landed.status).toBe(200);
    expect(landed.html).toContain('challenge-complete');
  };

  it.each(CHALLENGES)('challenge $scenario', async (row) => {
    const challenged = await startBrowser(row.card, row.via);
    expect(challenged).toMatchObject({
      state: 'challenge_required',
      outcome: null,
      response_code: 'C',
      next_action: {
        type: 'challenge',
        channel: 'browser',
        acs_url: expect.any(String),
        creq: expect.any(String),
      },
    });
    await answerAtTheAcs(challenged, row.answer);

    const completed = await ctx.waitForState(challenged.id, 'completed');
    expect(completed).toMatchObject({
      outcome: row.outcome,
      guidance: row.guidance,
      response_code: row.transStatus,
      status_reason: 'rreq_status',
    });
    expect(await ctx.statePath(challenged.id)).toEqual(
      row.via === 'create'
        ? ['created', 'challenge_required', 'result_ready', 'completed']
        : [
            'created',
            'awaiting_issuer_fingerprint',
            'awaiting_channel_data',
            'challenge_required',
            'result_ready',
            'completed',
          ],
    );
    const truth = await ctx.checkoutTruth(completed.checkout_session_id as string);
    const results = await ctx.resultsInEveryFormat(challenged.id);
    expect(formatViolations(results, truth.id)).toEqual([]);
    expect(results.generic).toMatchObject({
      authentication_id: challenged.id,
      outcome: row.outcome,
      guidance: row.guidance,
      trans_status: row.transStatus,
      eci: row.eci,
    });
    expect('cryptogram' in results.generic).toBe(row.cryptogram);
    // Adyen's mpiData.authenticationResponse takes Y, N, U or A only: an R goes in threeDS2Result.
    expect(results.adyen.mpiData).toMatchObject({ directoryResponse: 'C' });
    expect(results.adyen.mpiData.authenticationResponse).toBe(
      row.transStatus === 'R' ? undefined : row.transStatus,
    );
    expect(results.adyen.threeDS2Result).toMatchObject({ transStatus: row.transStatus });
  });

  it('challenge cancelled by the cardholder is abandoned: retry the authentication', async () => {
    const challenged = await startBrowser('4242424242424242', 'create');
    expect(challenged.state).toBe('challenge_required');
    await answerAtTheAcs(challenged, 'cancel');

    // Checkout refuses `complete` on an abandoned challenge: the re-read closes it, no retries.
    const closed = await ctx.waitForState(challenged.id, 'closed');
    expect(closed).toMatchObject({
      outcome: 'abandoned',
      guidance: 'retry_authentication',
    });
    expect(await ctx.statePath(challenged.id)).toEqual([
      'created',
      'challenge_required',
      'result_ready',
      'closed',
    ]);
    const timeline = (await ctx.api('get', `/v1/authentications/${challenged.id}/events`)).body
      .data as { event: string; source: string }[];
    expect(timeline).toContainEqual(
      expect.objectContaining({ event: 'completion_refused', source: 'checkout_complete' }),
    );
    expect(timeline.map((row) => row.event)).not.toContain('complete_failed');
    const truth = await ctx.checkoutTruth(closed.checkout_session_id as string);
    expect(truth.status).toBe('challenge_abandoned');
    const results = await ctx.resultsInEveryFormat(challenged.id);
    expect(formatViolations(results, truth.id)).toEqual([]);
    // EMV challengeCancel 01 (cardholder cancelled) wherever a PSP takes it.
    expect(results.generic).toMatchObject({
      outcome: 'abandoned',
      guidance: 'retry_authentication',
      challenge_cancel_reason: 'cardholder_cancel',
      challenge_cancel_code: '01',
    });
    expect(results.adyen.mpiData.challengeCancel).toBe('01');
    expect(results.adyen.threeDS2Result.challengeCancel).toBe('01');
    expect(results.generic).not.toHaveProperty('cryptogram');
  });

  it('hands Stripe the ARes transStatus C after a challenge, not the final one', async () => {
    const challenged = await startBrowser('4242424242424242', 'create');
    await answerAtTheAcs(challenged, PASSWORD);
    await ctx.waitForState(challenged.id, 'completed');
    const stripe = await ctx
      .api('get', `/v1/authentications/${challenged.id}/result?format=stripe`)
      .expect(200);
    expect(stripe.body.payment_method_options.card.three_d_secure.ares_trans_status).toBe('C');
  });

  describe('3DS1 fallback (amount 123321)', () => {
    /** 3DS2 card downgraded to 3DS1: channel data, then the PaReq redirect, then TermUrl. */
    const runThreeDs1 = async () => {
      const challenged = await startBrowser('4485040371536584', 'method', 123321);
      const truthBefore = await ctx.checkoutTruth(challenged.checkout_session_id as string);
      expect(challenged).toMatchObject({ state: 'challenge_required', protocol_version: '1.0.2' });
      expect(challenged.next_action).toEqual({
        type: 'redirect',
        acs_url: `${ctx.simulator.url}/acs/3ds1`,
        pareq: truthBefore.pareq,
        term_url: `${ctx.simulator.url}/3ds1/term`,
        md: truthBefore.id,
      });
      const { acs_url, pareq, term_url, md } = challenged.next_action;
      const { termPage } = await answer3ds1(acs_url, pareq, term_url, md, 'Checkout1!');
      const notification = formOf(termPage.html);
      expect(notification.action).toBe(
        `${ctx.orchestrator.url}/notifications/challenge/${challenged.id}`,
      );
      expect((await postForm(notification.action, notification.fields)).status).toBe(200);
      const completed = await ctx.waitForState(challenged.id, 'completed');
      return { id: challenged.id as string, completed };
    };

    it('is authenticated with protocol 1.0.2; Stripe gets the xid as transaction_id', async () => {
      const { id, completed } = await runThreeDs1();
      // A Visa result over 3DS1 shifts no liability: Visa withdrew it (docs/guidance.md).
      expect(completed).toMatchObject({
        outcome: 'authenticated',
        guidance: 'proceed_without_liability_shift',
        protocol_version: '1.0.2',
        response_code: null,
      });
      expect(await ctx.statePath(id)).toEqual([
        'created',
        'awaiting_channel_data',
        'challenge_required',
        'result_ready',
        'completed',
      ]);
      const truth = await ctx.checkoutTruth(completed.checkout_session_id as string);
      const results = await ctx.resultsInEveryFormat(id);
      expect(results.generic).toMatchObject({
        authentication_id: id,
        checkout_session_id: truth.id,
        outcome: 'authenticated',
        guidance: 'proceed_without_liability_shift',
        protocol_version: '1.0.2',
        eci: '05',
        cryptogram: truth.cryptogram,
        xid: truth.xid,
        challenged: true,
      });
      expect(results.generic.cryptogram).toEqual(expect.any(String));
      expect(results.generic).not.toHaveProperty('trans_status');
      expect(results.checkout).toEqual({ '3ds': { enabled: true, authentication_id: truth.id } });
      expect(results.stripe.payment_method_options.card.three_d_secure).toEqual({
        version: '1.0.2',
        electronic_commerce_indicator: '05',
        cryptogram: truth.cryptogram,
        transaction_id: truth.xid,
        exemption_indicator: 'none',
        ...(truth.challenge_indicator === 'no_preference'
          ? { requestor_challenge_indicator: '01' }
          : {}),
      });
    });

    it('hands Adyen the 3DS1 enrolment (Y) and PARes status (Y), with the xid', async () => {
      const { id, completed } = await runThreeDs1();
      const truth = await ctx.checkoutTruth(completed.checkout_session_id as string);
      const adyen = await ctx
        .api('get', `/v1/authentications/${id}/result?format=adyen`)
        .expect(200);
      expect(adyen.body.mpiData).toMatchObject({
        threeDSVersion: '1.0.2',
        directoryResponse: 'Y',
        authenticationResponse: 'Y',
        cavv: truth.cryptogram,
        eci: '05',
        xid: truth.xid,
      });
    });
  });
});
