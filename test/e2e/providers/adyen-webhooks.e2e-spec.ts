import request from 'supertest';
import {
  ADYEN_HMAC_KEY,
  ADYEN_MERCHANT_ACCOUNT,
  ADYEN_WEBHOOK_AUTH,
} from '../../support/adyen-simulator/simulator-app.js';
import {
  adyenEnvelope,
  signedAdyenItem,
} from '../../support/adyen-simulator/signed-notification.js';
import { metricValue } from '../../support/metric-value.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { TEAM_A } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

/** Frictionless Y, no 3DS Method: Adyen's first answer is final, and its webhook follows. */
const FINISHES_AT_ONCE = '4000009900000061';
const PSP_REFERENCE = 'K8RT2XH5QM3ZV7NB';
const BASIC = `Basic ${Buffer.from(`${ADYEN_WEBHOOK_AUTH.username}:${ADYEN_WEBHOOK_AUTH.password}`).toString('base64')}`;

type Item = Record<string, unknown>;

function signedItem(overrides: Record<string, unknown> = {}, hexKey = ADYEN_HMAC_KEY): Item {
  return signedAdyenItem(
    {
      amount: { value: 6540, currency: 'EUR' },
      eventCode: 'AUTHENTICATION',
      eventDate: '2026-12-06T10:00:00+01:00',
      merchantAccountCode: ADYEN_MERCHANT_ACCOUNT,
      merchantReference: 'ORDER-1001',
      pspReference: PSP_REFERENCE,
      paymentMethod: 'visa',
      success: 'true',
      ...overrides,
    },
    hexKey,
  );
}

const envelope = (...items: Item[]) => JSON.stringify(adyenEnvelope(...items));

/** `POST /webhooks/adyen`: Basic auth and every item's HMAC, kept once, a hint to re-read. */
describe('Adyen webhooks (e2e)', () => {
  let ctx: Orchestration;

  const post = (body: string, authorization: string | null = BASIC) => {
    const call = request(ctx.orchestrator.http)
      .post('/webhooks/adyen')
      .set('content-type', 'application/json');
    return (authorization ? call.set('authorization', authorization) : call).send(body);
  };
  const inbox = () => ctx.sql<{ id: string; provider: string }>('SELECT * FROM provider_events');

  beforeAll(async () => {
    ctx = await Orchestration.start({
      adyen: true,
      webhooks: true,
      strategy: {
        routingPolicies: new Map([
          [TEAM_A.team, { version: 'to-adyen', rules: [], otherwise: { providers: ['adyen'] } }],
        ]),
      },
    });
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it("keeps the simulator's signed AUTHENTICATION item for an authentication Adyen ran", async () => {
    const created = await ctx.client
      .create(aCreateBody(FINISHES_AT_ONCE, { channel_data: aBrowserChannel() }))
      .expect(201);
    expect(created.body).toMatchObject({ state: 'result_ready', routing: { provider: 'adyen' } });
    const completed = await ctx.waitForState(created.body.id, 'completed');
    const pspReference = completed.checkout_session_id as string;
    expect(pspReference).toMatch(/^[A-Z0-9]{16}$/);

    // Our 200 follows the commit of the item, so once the simulator saw it the row is there.
    const attempts = await waitUntil(
      async () => {
        const { attempts: all } = (await (await ctx.adyen!.control('GET', '/webhooks')).json()) as {
          attempts: { pspReference: string; status?: number }[];
        };
        return all.some((one) => one.status !== undefined) ? all : undefined;
      },
      { describe: () => 'the simulator sent no webhook' },
    );
    expect(attempts).toEqual([expect.objectContaining({ pspReference, status: 200 })]);
    expect(await inbox()).toMatchObject([
      {
        id: `${pspReference}:AUTHENTICATION:true`,
        provider: 'adyen',
        provider_session_id: pspReference,
      },
    ]);
  });

  it('answers [accepted] and keeps a repeated item once', async () => {
    const body = envelope(signedItem());
    const first = await post(body).expect(200);
    expect(first.text).toBe('[accepted]');
    await post(body).expect(200);
    expect(await inbox()).toEqual([
      expect.objectContaining({ id: `${PSP_REFERENCE}:AUTHENTICATION:true`, provider: 'adyen' }),
    ]);
    const series = (result: string) =>
      `threeds_adyen_webhook_items_received_total{result="${result}"}`;
    expect(await metricValue(ctx.orchestrator.http, series('accepted'))).toBeGreaterThanOrEqual(1);
    expect(await metricValue(ctx.orchestrator.http, series('duplicate'))).toBeGreaterThanOrEqual(1);
  });

  it('answers and ignores a verified item of another event code', async () => {
    await post(envelope(signedItem({ eventCode: 'REPORT_AVAILABLE' }))).expect(200);
    expect(await inbox()).toEqual([]);
  });

  const unsigned = () => {
    const item = signedItem();
    return { ...item, additionalData: {} };
  };
  it.each([
    ['no Basic auth', envelope(signedItem()), null],
    [
      'a wrong password',
      envelope(signedItem()),
      `Basic ${Buffer.from('e2e-adyen-webhooks:guess').toString('base64')}`,
    ],
    ['an item signed with another key', envelope(signedItem({}, 'AB'.repeat(32))), BASIC],
    ['an item whose signed field changed', envelope({ ...signedItem(), success: 'false' }), BASIC],
    ['an item without a signature', envelope(unsigned()), BASIC],
    [
      'one bad item among good ones',
      envelope(signedItem(), signedItem({}, 'CD'.repeat(32))),
      BASIC,
    ],
    ['no items', envelope(), BASIC],
    ['not JSON', '{"notificationItems": [', BASIC],
    ['an item without an amount', envelope({ ...signedItem(), amount: undefined }), BASIC],
  ])('refuses %s: 401, nothing kept', async (_case, body, authorization) => {
    const refused = await post(body, authorization).expect(401);
    expect(refused.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(await inbox()).toEqual([]);
  });
});
