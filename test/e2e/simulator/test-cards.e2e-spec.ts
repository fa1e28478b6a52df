import testCards from '../../../contracts/checkout/test-cards.json' with { type: 'json' };
import { contractViolations } from '../../support/checkout-contract.js';
import { HttpRecorder } from '../../support/http-recorder.js';
import {
  answer3ds1,
  answerChallenge,
  decodeJson,
  formOf,
  postForm,
  runThreeDsMethod,
} from '../../support/simulator/browser.js';
import { CheckoutApi, expectConformingAnswers } from '../../support/simulator/checkout-api.js';
import { aBrowserChannel, aSessionRequest } from '../../support/simulator/factories.js';
import {
  startSimulatorWithMerchant,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';

interface Card {
  number: string;
  scheme: string;
  flow: 'frictionless' | 'challenge' | '3ds1';
  outcome: string;
  three_ds_method_url: boolean;
}

const STATUS = {
  Y: 'approved',
  A: 'attempted',
  N: 'declined',
  R: 'rejected',
  U: 'unavailable',
} as Record<string, string>;
const ECI = {
  mastercard: { Y: '02', A: '01', N: '00', R: '00', U: '00' },
  other: { Y: '05', A: '06', N: '07', R: '07', U: '07' },
} as Record<string, Record<string, string>>;
const eciFor = (card: Card, outcome: string): string =>
  ECI[card.scheme === 'mastercard' ? 'mastercard' : 'other'][outcome];

/**
 * Every sandbox test card through the whole flow it implies, with the real 3DS Method, ACS and
 * 3DS1 pages over HTTP. Every body is checked against Checkout's OpenAPI schemas.
 */
describe('simulator: every Checkout test card (e2e)', () => {
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

  const cards = testCards.cards as Card[];
  const enrolled = cards.filter((card) => !card.outcome.endsWith('_not_enrolled'));

  it.each(
    cards
      .filter((card) => card.outcome.endsWith('_not_enrolled'))
      .map((card) => [card.number, card.outcome, card]),
  )('%s is refused at creation with %s', async (_number, outcome, card) => {
    const created = await api.createSession(oauth, aSessionRequest({ number: card.number }));
    expect(created.status).toBe(403);
    expect(contractViolations(created.body, 'ErrorResponse')).toEqual([]);
    expect(created.body).toMatchObject({
      error_type: 'operation_not_allowed',
      error_codes: [outcome],
    });
  });

  it.each(enrolled.map((card) => [card.number, card.flow, card.outcome, card]))(
    '%s runs the %s flow to outcome %s',
    async (_number, _flow, _outcome, card) => {
      const request = aSessionRequest({
        number: card.number,
        completion: {
          type: 'non_hosted',
          callback_url: merchant.to('/callback'),
          challenge_notification_url: merchant.to('/challenge-notification'),
        },
      });
      const created = await api.createSession(oauth, request);
      expect(created.status).toBe(202);
      expect(created.headers.get('cko-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
      const session = created.body;
      expect(session).toMatchObject({ status: 'pending', scheme: card.scheme });
      expect(session.id).toMatch(/^sid_[a-z2-7]{26}$/);
      expect(session.session_secret).toMatch(/^sek_.{44}$/);
      expect(session.protocol_version).toBe(card.flow === '3ds1' ? '1.0.2' : '2.2.0');

      const fingerprint = card.three_ds_method_url && card.flow !== '3ds1';
      expect(session.next_actions).toEqual(
        fingerprint ? ['collect_channel_data', 'issuer_fingerprint'] : ['collect_channel_data'],
      );
      expect(session._links.collect_channel_data.href).toBe(
        `${simulator.url}/sessions/${session.id}/collect-data`,
      );
      expect(Boolean(session._links.three_ds_method_url)).toBe(fingerprint);

      if (fingerprint) {
        const notified = await runThreeDsMethod(
          session._links.three_ds_method_url.href,
          session.transaction_id,
          merchant.to('/method-notification'),
        );
        expect(notified.action).toBe(merchant.to('/method-notification'));
        const [arrived] = await merchant.waitFor('/method-notification');
        expect(decodeJson(String(arrived.body?.threeDSMethodData))).toEqual({
          threeDSServerTransID: session.transaction_id,
        });
        const fingerprinted = await api.issuerFingerprint(oauth, session.id, 'Y');
        expect(fingerprinted.status).toBe(200);
        expect(
          contractViolations(fingerprinted.body, 'GetSessionResponseAfterChannelDataSupplied'),
        ).toEqual([]);
        expect(fingerprinted.body).toMatchObject({
          status: 'pending',
          next_actions: ['collect_channel_data'],
        });
      }

      const collected = await api.collectData(
        oauth,
        session.id,
        aBrowserChannel({ three_ds_method_completion: fingerprint ? 'Y' : 'U' }),
      );
      expect(collected.status).toBe(200);
      expect(contractViolations(collected.body, 'GetSessionResponse')).toEqual([]);
      const afterData = collected.body;

      let expectedOutcome = card.outcome;
      if (card.flow === 'frictionless') {
        expect(afterData.challenged).toBe(false);
      } else if (card.flow === 'challenge') {
        expect(afterData).toMatchObject({
          status: 'challenged',
          response_code: 'C',
          next_actions: ['challenge_cardholder'],
        });
        expect(contractViolations(afterData.acs, 'Acs')).toEqual([]);
        expect(afterData.acs.url).toBe(`${simulator.url}/acs/challenge`);
        const cresPage = await answerChallenge(
          afterData.acs.url,
          afterData['3ds'].challenge_request,
          { password: 'Checkout1!' },
        );
        const toMerchant = formOf(cresPage.html);
        expect(toMerchant.action).toBe(merchant.to('/challenge-notification'));
        const cres = decodeJson(toMerchant.fields.cres);
        expect(cres).toMatchObject({
          messageType: 'CRes',
          threeDSServerTransID: session.transaction_id,
          acsTransID: afterData.acs.transaction_id,
        });
        await postForm(toMerchant.action, toMerchant.fields);
        expect(cres.transStatus).toBe(card.outcome === 'ds_error' ? 'U' : card.outcome);
      } else {
        expect(afterData).toMatchObject({
          status: 'challenged',
          next_actions: ['authenticate'],
          protocol_version: '1.0.2',
        });
        expect(afterData.pareq).toEqual(expect.any(String));
        const { toTerm, termPage } = await answer3ds1(
          afterData._links.acs_url.href,
          afterData.pareq,
          afterData._links.term_url.href,
          session.id,
          'Checkout1!',
        );
        expect(toTerm.fields.MD).toBe(session.id);
        expect(formOf(termPage.html).action).toBe(merchant.to('/challenge-notification'));
        expectedOutcome = card.outcome;
      }

      const final = await api.getSession(oauth, session.id);
      expect(final.status).toBe(200);
      expect(contractViolations(final.body, 'GetSessionResponse')).toEqual([]);
      const result = final.body;
      expect(result.next_actions).toEqual(['complete']);
      expect(result._links.complete.href).toBe(`${simulator.url}/sessions/${session.id}/complete`);
      expect(result.challenged).toBe(card.flow !== 'frictionless');
      if (expectedOutcome === 'ds_error') {
        expect(result).toMatchObject({
          status: 'unavailable',
          status_reason: card.flow === 'frictionless' ? 'ares_error' : 'rreq_error',
        });
        expect(result.response_code).toBeUndefined();
      } else {
        expect(result.status).toBe(STATUS[expectedOutcome]);
        expect(result.approved).toBe(expectedOutcome === 'Y');
        expect(result.eci).toBe(eciFor(card, expectedOutcome));
        expect(Boolean(result.cryptogram)).toBe(expectedOutcome === 'Y' || expectedOutcome === 'A');
        if (result.cryptogram) expect(result.cryptogram).toMatch(/^[A-Za-z0-9+/]{27}=$/);
        if (card.flow === '3ds1') {
          expect(result).toMatchObject({
            status_reason: 'pares_status',
            protocol_version: '1.0.2',
          });
        } else {
          expect(result.response_code).toBe(expectedOutcome);
          expect(result.status_reason).toBe(
            card.flow === 'frictionless' ? 'ares_status' : 'rreq_status',
          );
          expect(result.xid).toBe(session.transaction_id);
          expect(contractViolations(result.ds, 'Ds')).toEqual([]);
        }
        expect(result.authentication_date).toEqual(expect.any(String));
      }

      const completed = await api.complete(oauth, session.id);
      expect(completed.status).toBe(204);
      const [callback] = await merchant.waitFor('/callback');
      expect(callback.body).toMatchObject({ session_id: session.id, status: result.status });
      expect(callback.body?.eci).toBe(result.eci);
      const afterComplete = await api.getSession(oauth, session.id);
      expect(afterComplete.body).toMatchObject({ completed: true, next_actions: [] });
      expect(afterComplete.body._links.complete).toBeUndefined();
    },
  );
});
