import { contractViolations } from '../../support/checkout-contract.js';
import { HttpRecorder } from '../../support/http-recorder.js';
import {
  CheckoutApi,
  type ApiResponse,
  expectConformingAnswers,
} from '../../support/simulator/checkout-api.js';
import { aBrowserChannel, aSessionRequest } from '../../support/simulator/factories.js';
import {
  startSimulator,
  startSimulatorWithClient,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';
import { ALL_PROCESSING_CHANNELS, PROCESSING_CHANNELS } from '../../support/test-config.js';

const FRICTIONLESS_Y = '4485040371536584';
const NO_METHOD_URL = '4556085951507152';

function expectError(response: ApiResponse, status: number, errorType: string): void {
  expect(response.status).toBe(status);
  expect(contractViolations(response.body, 'ErrorResponse')).toEqual([]);
  expect(response.body.error_type).toBe(errorType);
}

function expectNotAllowedDueToState(response: ApiResponse): void {
  expectError(response, 403, 'operation_not_allowed');
  expect(response.body.error_codes).toEqual(['update_not_allowed_due_to_state']);
}

/** State rules and request validation of the Sessions endpoints, answered as Checkout does. */
describe('simulator: session rules (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);
  let oauth: string;

  beforeAll(async () => {
    ({ simulator, api, oauth } = await startSimulatorWithClient());
  });
  afterAll(() => simulator.close());

  const aPendingSession = async (number = FRICTIONLESS_Y) => {
    const created = await api.createSession(oauth, aSessionRequest({ number }));
    expect(created.status).toBe(202);
    expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
    return created.body;
  };

  describe('state rules', () => {
    it('refuses complete on a pending session with 403 update_not_allowed_due_to_state', async () => {
      const session = await aPendingSession();
      expectNotAllowedDueToState(await api.complete(oauth, session.id));
      const after = await api.getSession(oauth, session.id);
      expect(after.body).toMatchObject({ status: 'pending', completed: false });
    });

    it('refuses a second collect-data once the session has a result', async () => {
      const session = await aPendingSession();
      const first = await api.collectData(oauth, session.id, aBrowserChannel());
      expect(first.status).toBe(200);
      expect(contractViolations(first.body, 'GetSessionResponse')).toEqual([]);
      expect(first.body).toMatchObject({ status: 'approved', next_actions: ['complete'] });

      expectNotAllowedDueToState(await api.collectData(oauth, session.id, aBrowserChannel()));
      expect((await api.getSession(oauth, session.id)).body.status).toBe('approved');
    });

    it('refuses a complete that runs while another is still posting the callback with 409', async () => {
      const merchant = await HttpRecorder.start();
      try {
        const created = await api.createSession(
          oauth,
          aSessionRequest({
            completion: { type: 'non_hosted', callback_url: merchant.to('/callback') },
          }),
        );
        await api.collectData(oauth, created.body.id, aBrowserChannel());
        // Whichever complete arrives first holds the session while its callback is delayed.
        await api.control('POST', '/deliveries', {
          channel: 'callback',
          mode: 'delay',
          delay_ms: 2_000,
          times: 1,
        });
        const answers = await Promise.all([
          api.complete(oauth, created.body.id),
          api.complete(oauth, created.body.id),
        ]);
        expect(answers.map((answer) => answer.status).sort()).toEqual([204, 409]);
        const refused = answers.find((answer) => answer.status === 409)!;
        expectError(refused, 409, 'duplicate_requests_detected');
        expect(refused.body.error_codes).toEqual(['session_already_in_use']);
        expect(await merchant.waitFor('/callback')).toHaveLength(1);
      } finally {
        await merchant.close();
      }
    });

    it('completes once with 204 and refuses a second complete', async () => {
      const session = await aPendingSession();
      await api.collectData(oauth, session.id, aBrowserChannel());
      const first = await api.complete(oauth, session.id);
      expect(first.status).toBe(204);
      expect(first.text).toBe('');

      expectNotAllowedDueToState(await api.complete(oauth, session.id));
      const after = await api.getSession(oauth, session.id);
      expect(contractViolations(after.body, 'GetSessionResponse')).toEqual([]);
      expect(after.body).toMatchObject({ completed: true, next_actions: [] });
      expect(after.body._links.complete).toBeUndefined();
    });

    it('completes with an empty JSON body, as the official Node SDK sends it', async () => {
      const session = await aPendingSession();
      await api.collectData(oauth, session.id, aBrowserChannel());
      const completed = await fetch(`${simulator.url}/sessions/${session.id}/complete`, {
        method: 'POST',
        headers: { authorization: oauth, 'content-type': 'application/json' },
      });
      expect(completed.status).toBe(204);
      const malformed = await fetch(`${simulator.url}/sessions/${session.id}/complete`, {
        method: 'POST',
        headers: { authorization: oauth, 'content-type': 'application/json' },
        body: '{"',
      });
      expect(malformed.status).toBe(422);
    });

    it('refuses issuer-fingerprint Y without a 3DS Method URL but accepts U', async () => {
      const session = await aPendingSession(NO_METHOD_URL);
      expect(session.next_actions).toEqual(['collect_channel_data']);

      const withY = await api.issuerFingerprint(oauth, session.id, 'Y');
      expectError(withY, 422, 'unprocessable_entity');
      expect(withY.body.error_codes).toEqual(['three_ds_method_not_supported_without_url']);

      const withU = await api.issuerFingerprint(oauth, session.id, 'U');
      expect(withU.status).toBe(200);
      expect(contractViolations(withU.body, 'GetSessionResponseAfterChannelDataSupplied')).toEqual(
        [],
      );
      expect(withU.body).toMatchObject({
        status: 'pending',
        next_actions: ['collect_channel_data'],
      });
    });

    it('hides issuer_fingerprint from next_actions and _links for GET with channel: app', async () => {
      const session = await aPendingSession();
      expect(session.next_actions).toEqual(['collect_channel_data', 'issuer_fingerprint']);

      const asApp = await api.getSession(oauth, session.id, 'app');
      expect(asApp.status).toBe(200);
      expect(contractViolations(asApp.body, 'GetSessionResponse')).toEqual([]);
      expect(asApp.body.next_actions).toEqual(['collect_channel_data']);
      expect(asApp.body._links.issuer_fingerprint).toBeUndefined();
      expect(asApp.body._links.three_ds_method_url).toBeUndefined();
      expect(asApp.body._links.collect_channel_data).toBeDefined();

      const asBrowser = await api.getSession(oauth, session.id, 'browser');
      expect(asBrowser.body.next_actions).toEqual(['collect_channel_data', 'issuer_fingerprint']);
      expect(asBrowser.body._links.issuer_fingerprint).toBeDefined();
    });

    it('answers 404 with an ErrorResponse for an unknown session id', async () => {
      const unknown = 'sid_av6o4xl4h7yejkliycvn67euay';
      expectError(await api.getSession(oauth, unknown), 404, 'not_found');
      expectError(await api.collectData(oauth, unknown, aBrowserChannel()), 404, 'not_found');
      expectError(await api.complete(oauth, unknown), 404, 'not_found');
    });
  });

  describe('validation', () => {
    it.each(['recurring', 'installment'])(
      'refuses a %s authentication without an amount (422 amount_required) or with 0 (amount_invalid)',
      async (type) => {
        const series =
          type === 'recurring'
            ? { recurring: { days_between_payments: 28, expiry: '20301231' } }
            : { installment: { number_of_payments: 3 } };
        const { amount: _amount, ...withoutAmount } = aSessionRequest({
          authentication_type: type,
          ...series,
        });
        const missing = await api.createSession(oauth, withoutAmount);
        expectError(missing, 422, 'unprocessable_entity');
        expect(missing.body.error_codes).toEqual(['amount_required']);
        const zero = await api.createSession(oauth, { ...withoutAmount, amount: 0 });
        expectError(zero, 422, 'unprocessable_entity');
        expect(zero.body.error_codes).toEqual(['amount_invalid']);

        const withAmount = await api.createSession(oauth, { ...withoutAmount, amount: 1 });
        expect(withAmount.status).toBe(202);
        expect(withAmount.body).toMatchObject({ authentication_type: type, amount: 1 });
      },
    );

    it('lets a regular authentication leave the amount out (non_payment, 3DS2 only)', async () => {
      const { amount: _amount, ...request } = aSessionRequest();
      expect((await api.createSession(oauth, request)).status).toBe(202);
    });

    it('answers 422 currency_required when currency is missing', async () => {
      const { currency: _currency, ...request } = aSessionRequest();
      const created = await api.createSession(oauth, request);
      expectError(created, 422, 'unprocessable_entity');
      expect(created.body.error_codes).toEqual(['currency_required']);
    });

    it('answers 422 with source_number_invalid for a malformed card number', async () => {
      const created = await api.createSession(oauth, aSessionRequest({ number: '1234' }));
      expectError(created, 422, 'unprocessable_entity');
      expect(created.body.error_codes).toContain('source_number_invalid');
    });

    it('answers 422 with user_agent_required for browser channel data without user_agent', async () => {
      const session = await aPendingSession();
      const { user_agent: _userAgent, ...channel } = aBrowserChannel();
      const collected = await api.collectData(oauth, session.id, channel);
      expectError(collected, 422, 'unprocessable_entity');
      expect(collected.body.error_codes).toContain('user_agent_required');
      expect((await api.getSession(oauth, session.id)).body.status).toBe('pending');
    });

    it.each(['quasi_card_transaction', 'quashi_card_transaction'])(
      'accepts transaction_type %s and echoes it',
      async (transactionType) => {
        const created = await api.createSession(
          oauth,
          aSessionRequest({ transaction_type: transactionType }),
        );
        expect(created.status).toBe(202);
        expect(created.body.transaction_type).toBe(transactionType);
        // The spec's enum has only the `quashi_` spelling (docs/checkout-sessions.md#spec-quirks);
        // check everything else.
        const { transaction_type: _echoed, ...rest } = created.body as Record<string, unknown>;
        expect(contractViolations(rest, 'CreateSessionAcceptedResponse')).toEqual([]);
      },
    );

    it('accepts a non-hosted completion without callback_url', async () => {
      const created = await api.createSession(
        oauth,
        aSessionRequest({ completion: { type: 'non_hosted' } }),
      );
      expect(created.status).toBe(202);
      expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
      expect(created.body._links.callback_url).toBeUndefined();
    });

    it('accepts account_info enum values as Checkout spells them (the document adds commas)', async () => {
      const created = await api.createSession(
        oauth,
        aSessionRequest({
          account_info: {
            cardholder_account_age_indicator: 'no_account',
            three_ds_requestor_authentication_info: { three_ds_req_auth_method: 'federated_id' },
          },
        }),
      );
      expect(created.status).toBe(202);
      // The echo keeps Checkout's spelling, which the document's enums (with commas) lack.
      expect(api.contractViolations()).toEqual([
        expect.stringMatching(/cardholder_account_age_indicator must be equal to one of/),
        expect.stringMatching(/three_ds_req_auth_method must be equal to one of/),
      ]);
      const refused = await api.createSession(
        oauth,
        aSessionRequest({ account_info: { cardholder_account_age_indicator: 'no_account,x' } }),
      );
      expect(refused.status).toBe(422);
    });

    it("requires one of the entity's processing channels from a client bound to none", async () => {
      const missing = await api.createSession(
        oauth,
        aSessionRequest({ processing_channel_id: undefined }),
      );
      expectError(missing, 422, 'unprocessable_entity');
      expect(missing.body.error_codes).toEqual(['processing_channel_id_required']);
      const unknown = await api.createSession(
        oauth,
        aSessionRequest({ processing_channel_id: `pc_${'q'.repeat(26)}` }),
      );
      expectError(unknown, 422, 'unprocessable_entity');
      expect(unknown.body.error_codes).toEqual(['processing_channel_id_invalid']);
      for (const channel of ALL_PROCESSING_CHANNELS) {
        const created = await api.createSession(
          oauth,
          aSessionRequest({ processing_channel_id: channel }),
        );
        expect(created.status).toBe(202);
      }
    });

    it('lets a client bound to a processing channel leave it out', async () => {
      const bound = await startSimulator({ boundProcessingChannel: PROCESSING_CHANNELS.default });
      try {
        const boundApi = new CheckoutApi(bound.url);
        const created = await boundApi.createSession(
          await boundApi.token(),
          aSessionRequest({ processing_channel_id: undefined }),
        );
        expect(created.status).toBe(202);
        expect(boundApi.contractViolations()).toEqual([]);
      } finally {
        await bound.close();
      }
    });

    it('answers 422 (not 5xx) to a body that is not JSON', async () => {
      const created = await api.send('POST', '/sessions', {
        auth: oauth,
        headers: { 'content-type': 'application/json' },
        rawBody: '{"source": {"type": "card", ',
      });
      expectError(created, 422, 'unprocessable_entity');
    });

    it('answers 422 (not 5xx) to a JSON body that is not an object', async () => {
      const created = await api.send('POST', '/sessions', {
        auth: oauth,
        headers: { 'content-type': 'application/json' },
        rawBody: '[1, 2]',
      });
      expectError(created, 422, 'unprocessable_entity');
    });
  });
});
