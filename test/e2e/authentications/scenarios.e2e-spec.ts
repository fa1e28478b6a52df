import { decodeJson, runThreeDsMethod } from '../../support/simulator/browser.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody, type Wire } from '../../support/result-expectations.js';
import { formatViolations } from '../../support/psp-contract.js';

interface FrictionlessCase {
  readonly scenario: string;
  readonly card: string;
  readonly scheme: string;
  /** create: channel data sent with the create (201 with the result); method: 3DS Method first. */
  readonly via: 'create' | 'method';
  readonly outcome: string;
  readonly guidance: string;
  readonly transStatus: string | null;
  readonly statusReason: string;
  readonly eci: string | null;
  readonly cryptogram: boolean;
}

const FRICTIONLESS: FrictionlessCase[] = [
  {
    scenario: 'Y (Visa) after the 3DS Method is authenticated with ECI 05 and a cryptogram',
    card: '4485040371536584',
    scheme: 'visa',
    via: 'method',
    outcome: 'authenticated',
    guidance: 'proceed_with_liability_shift',
    transStatus: 'Y',
    statusReason: 'ares_status',
    eci: '05',
    cryptogram: true,
  },
  {
    scenario:
      'Y (Mastercard) with channel data on create is authenticated at once with ECI 02 and a cryptogram',
    card: '5588686116426417',
    scheme: 'mastercard',
    via: 'create',
    outcome: 'authenticated',
    guidance: 'proceed_with_liability_shift',
    transStatus: 'Y',
    statusReason: 'ares_status',
    eci: '02',
    cryptogram: true,
  },
  {
    scenario: 'N after the 3DS Method is not authenticated with ECI 07 and no cryptogram',
    card: '4539628347117863',
    scheme: 'visa',
    via: 'method',
    outcome: 'not_authenticated',
    guidance: 'do_not_proceed',
    transStatus: 'N',
    statusReason: 'ares_status',
    eci: '07',
    cryptogram: false,
  },
  {
    scenario: 'U with channel data on create is unavailable with ECI 07 and no cryptogram',
    card: '4024007186645015',
    scheme: 'visa',
    via: 'create',
    outcome: 'unavailable',
    guidance: 'proceed_without_liability_shift',
    transStatus: 'U',
    statusReason: 'ares_status',
    eci: '07',
    cryptogram: false,
  },
  {
    scenario: 'A with channel data on create is attempted with ECI 06 and a cryptogram',
    card: '4556574722325580',
    scheme: 'visa',
    via: 'create',
    outcome: 'attempted',
    guidance: 'proceed_with_liability_shift',
    transStatus: 'A',
    statusReason: 'ares_status',
    eci: '06',
    cryptogram: true,
  },
  {
    scenario: 'R after the 3DS Method is rejected with ECI 07 and no cryptogram',
    card: '4275765574319271',
    scheme: 'visa',
    via: 'method',
    outcome: 'rejected',
    guidance: 'do_not_proceed',
    transStatus: 'R',
    statusReason: 'ares_status',
    eci: '07',
    cryptogram: false,
  },
  {
    scenario: 'DS error after the 3DS Method is unavailable (ares_error) with no transStatus',
    card: '4452927588210665',
    scheme: 'visa',
    via: 'method',
    outcome: 'unavailable',
    guidance: 'proceed_without_liability_shift',
    transStatus: null,
    statusReason: 'ares_error',
    eci: null,
    cryptogram: false,
  },
];

describe('authentication scenarios: frictionless and no-3DS test cards (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  /** The 3DS Method in the hidden iframe, back to our notification URL. */
  const completeThreeDsMethod = async (created: Wire) => {
    const method = created.next_action;
    expect(method).toMatchObject({
      type: 'three_ds_method',
      notification_url: `${ctx.orchestrator.url}/notifications/3ds-method/${created.id}`,
      timeout_seconds: 10,
    });
    const transactionId = decodeJson(method.three_ds_method_data).threeDSServerTransID as string;
    const backToUs = await runThreeDsMethod(
      method.method_url,
      transactionId,
      method.notification_url,
    );
    expect(backToUs.action).toBe(method.notification_url);
    const fingerprinted = await ctx.waitForState(created.id, 'awaiting_channel_data');
    expect(fingerprinted.next_action).toEqual({ type: 'collect_channel_data', channel: 'browser' });
  };

  it.each(FRICTIONLESS)('frictionless $scenario', async (row) => {
    let id: string;
    let withResult: Wire;
    if (row.via === 'create') {
      const created = await ctx.client
        .create(aCreateBody(row.card, { channel_data: aBrowserChannel() }))
        .expect(201);
      id = created.body.id;
      withResult = created.body;
    } else {
      const created = await ctx.client.create(aCreateBody(row.card)).expect(201);
      expect(created.body).toMatchObject({ state: 'awaiting_issuer_fingerprint', outcome: null });
      id = created.body.id;
      await completeThreeDsMethod(created.body);
      withResult = (
        await ctx
          .api('post', `/v1/authentications/${id}/channel-data`)
          .send({ channel_data: aBrowserChannel() })
          .expect(200)
      ).body;
    }
    expect(withResult).toMatchObject({
      state: 'result_ready',
      outcome: row.outcome,
      guidance: row.guidance,
      card: { scheme: row.scheme },
      protocol_version: '2.2.0',
      response_code: row.transStatus,
      status_reason: row.statusReason,
      failure_reason: null,
    });

    const completed = await ctx.waitForState(id, 'completed');
    expect(completed).toMatchObject({ outcome: row.outcome, guidance: row.guidance });
    expect(await ctx.statePath(id)).toEqual(
      row.via === 'create'
        ? ['created', 'result_ready', 'completed']
        : [
            'created',
            'awaiting_issuer_fingerprint',
            'awaiting_channel_data',
            'result_ready',
            'completed',
          ],
    );

    const truth = await ctx.checkoutTruth(completed.checkout_session_id as string);
    expect(truth).toMatchObject({ completed: true, status_reason: row.statusReason });
    const results = await ctx.resultsInEveryFormat(id);
    expect(formatViolations(results, truth.id)).toEqual([]);
    expect(results.generic).toMatchObject({
      authentication_id: id,
      checkout_session_id: truth.id,
      outcome: row.outcome,
      guidance: row.guidance,
    });
    expect(results.generic.eci).toBe(row.eci ?? undefined);
    expect(results.generic.trans_status).toBe(row.transStatus ?? undefined);
    expect('cryptogram' in results.generic).toBe(row.cryptogram);
    expect(results.generic.protocol_version).toBe('2.2.0');
  });

  it('frictionless card without a 3DS Method URL goes straight to channel data, then authenticates', async () => {
    const created = await ctx.client.create(aCreateBody('4556085951507152')).expect(201);
    expect(created.body).toMatchObject({
      state: 'awaiting_channel_data',
      next_action: { type: 'collect_channel_data', channel: 'browser' },
    });
    const id = created.body.id;

    const result = await ctx
      .api('post', `/v1/authentications/${id}/channel-data`)
      .send({ channel_data: aBrowserChannel() })
      .expect(200);
    expect(result.body).toMatchObject({
      state: 'result_ready',
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      response_code: 'Y',
    });

    const completed = await ctx.waitForState(id, 'completed');
    expect(await ctx.statePath(id)).toEqual([
      'created',
      'awaiting_channel_data',
      'result_ready',
      'completed',
    ]);
    const truth = await ctx.checkoutTruth(completed.checkout_session_id as string);
    const results = await ctx.resultsInEveryFormat(id);
    expect(formatViolations(results, truth.id)).toEqual([]);
    expect(results.generic).toMatchObject({
      guidance: 'proceed_with_liability_shift',
      eci: '05',
      trans_status: 'Y',
    });
    expect(results.generic.cryptogram).toEqual(expect.any(String));
  });

  it.each([
    ['card not enrolled', '4484070000035519', 'card_not_enrolled'],
    ['issuer not enrolled', '4820285375797526', 'issuer_not_enrolled'],
  ])(
    '%s (%s) closes at creation as unavailable, failure_reason %s, result available',
    async (_scenario, card, checkoutCode) => {
      const created = await ctx.client
        .create(aCreateBody(card, { channel_data: aBrowserChannel() }))
        .expect(201);
      expect(created.body).toMatchObject({
        state: 'closed',
        outcome: 'unavailable',
        guidance: 'proceed_without_liability_shift',
        failure_reason: checkoutCode,
        checkout_session_id: null,
        next_action: null,
        response_code: null,
      });
      expect(await ctx.statePath(created.body.id)).toEqual(['created', 'closed']);

      const generic = await ctx
        .api('get', `/v1/authentications/${created.body.id}/result`)
        .expect(200);
      expect(generic.body).toEqual({
        authentication_id: created.body.id,
        outcome: 'unavailable',
        guidance: 'proceed_without_liability_shift',
        amount: 6540,
        currency: 'EUR',
      });
    },
  );

  it('does not hand Checkout payments a 3DS session that never existed (card not enrolled)', async () => {
    const created = await ctx.client.create(aCreateBody('4484070000035519')).expect(201);
    expect(created.body).toMatchObject({ state: 'closed', checkout_session_id: null });
    const checkoutFormat = await ctx.api(
      'get',
      `/v1/authentications/${created.body.id}/result?format=checkout`,
    );
    expect(checkoutFormat.body).not.toMatchObject({ '3ds': { enabled: true } });
  });
});
