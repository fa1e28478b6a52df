import pg from 'pg';
import { DETAILED_CREATE_EXAMPLE } from '../../../apps/orchestrator/src/authentications/dto/create-authentication.examples.js';
import { TeamApi } from '../../support/api.js';
import { emptyTables } from '../../support/e2e-database.js';
import { aCreateBody } from '../../support/result-expectations.js';
import type { OrchestratorUnderTest } from '../../support/orchestrator-app.js';
import { startWithRecordedCheckout } from '../../support/recorded-checkout.js';
import type { RecordingProxy } from '../../support/recording-proxy.js';
import type { SimulatorUnderTest } from '../../support/simulator/simulator-app.js';
import { PROCESSING_CHANNELS, testDatabaseUrl } from '../../support/test-config.js';

const [PROCESSING_CHANNEL] = PROCESSING_CHANNELS.teamA;
type Body = Record<string, unknown>;

const detailed = (): Body => JSON.parse(JSON.stringify(DETAILED_CREATE_EXAMPLE)) as Body;

/** A copy of the detailed create with `value` at `path` (dotted); `undefined` removes it. */
function detailedWith(path: string, value: unknown): Body {
  const body = detailed();
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((node, key) => node[key] as Body, body);
  if (value === undefined) delete parent[keys.at(-1)!];
  else parent[keys.at(-1)!] = value;
  return body;
}

/**
 * Checkout's optional request fields, seen where Checkout receives them (a proxy in front of
 * the simulator): sent unchanged when valid, and refused before anything is recorded when their
 * shape would have Checkout refuse the session after the authentication was created.
 */
describe('Checkout request fields: cardholder, risk data, recurrence, device (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let checkout: RecordingProxy;
  let orchestrator: OrchestratorUnderTest;
  let db: pg.Client;

  beforeAll(async () => {
    ({ simulator, checkout, orchestrator } = await startWithRecordedCheckout());
    db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  beforeEach(async () => {
    await emptyTables(testDatabaseUrl());
    checkout.clear();
  });
  afterAll(async () => {
    await db.end();
    await orchestrator.close();
    await checkout.close();
    await simulator.close();
  });

  // Not Math.random(): its 16 digits can pass the Luhn check, and a card-like key is refused.
  let keys = 0;
  const create = (body: Body) =>
    new TeamApi(orchestrator.url).createUnchecked(body, {
      idempotencyKey: `request-fields-${++keys}`,
    });
  const sessionRequests = () => checkout.sent('POST', '/sessions').map((one) => one.body!);
  const authentications = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM authentications')).rows[0].n;

  /**
   * The detailed example with its `initial_session_id` made one of team A's sessions (a link to
   * another team's, or an unknown one, is refused): the earlier create is left out of the
   * recording.
   */
  async function detailedOfOurs(path?: string, value?: unknown): Promise<Body> {
    const earlier = await create(aCreateBody('4485040371536584')).expect(201);
    checkout.clear();
    const body = path ? detailedWith(path, value) : detailed();
    (body.initial_transaction as Body).initial_session_id = earlier.body.checkout_session_id;
    return body;
  }

  it('sends every field to Checkout as given, and Checkout takes the session', async () => {
    const ours = await detailedOfOurs();
    const created = await create(ours).expect(201);
    expect(created.body).toMatchObject({ state: 'result_ready', outcome: 'authenticated' });

    const [sent] = sessionRequests();
    const { channel: _ours, ...checkoutFields } = ours;
    const { completion, ...rest } = sent;
    expect(rest).toEqual({ ...checkoutFields, processing_channel_id: PROCESSING_CHANNEL });
    expect(completion).toMatchObject({ type: 'non_hosted' });
  });

  it('sends the cardholder fields on a token source as well', async () => {
    const source = {
      type: 'token',
      token: `tok_${'u'.repeat(26)}`,
      scheme: 'cartes_bancaires',
      email: 'jean.dupont@example.fr',
      work_phone: { country_code: '33', number: '140000000' },
      billing_address: { address_line1: '1 rue de Rivoli', city: 'Paris', country: 'FR' },
    };
    await create(await detailedOfOurs('source', source)).expect(201);
    expect(sessionRequests()).toEqual([expect.objectContaining({ source })]);
  });

  it.each(['recurring', 'installment'])(
    'refuses a %s authentication without an amount above 0 before Checkout would (422 amount_required), and takes one with an amount',
    async (type) => {
      const series =
        type === 'recurring'
          ? { recurring: { days_between_payments: 28, expiry: '20301231' } }
          : { installment: { number_of_payments: 3 } };
      const { amount: _amount, ...withoutAmount } = aCreateBody('4485040371536584', {
        authentication_type: type,
        ...series,
      });
      for (const body of [withoutAmount, { ...withoutAmount, amount: 0 }]) {
        const refused = await create(body).expect(400);
        expect(refused.body.error.code).toBe('VALIDATION_FAILED');
        expect(refused.body.error.details.errors).toContainEqual({
          param: 'authentication_type',
          message: 'needs an amount above 0 when recurring or installment',
        });
      }
      expect(await authentications()).toBe(0);
      expect(sessionRequests()).toEqual([]);

      await create({ ...withoutAmount, amount: 100 }).expect(201);
      expect(sessionRequests()).toEqual([
        expect.objectContaining({ authentication_type: type, amount: 100 }),
      ]);
    },
  );

  it.each([
    ['a null address line', 'shipping_address.address_line1', null],
    ['a null billing city', 'source.billing_address.city', null],
    ['a null phone number', 'source.mobile_phone.number', null],
    ['a null account age', 'account_info.account_age', null],
    ['a null nested object', 'account_info.three_ds_requestor_authentication_info', null],
    ['a null initial transaction', 'initial_transaction', null],
    ['a number as a string field', 'shipping_address.city', 42],
    ['a string as a count', 'account_info.purchase_count', '4'],
    ['a string as a boolean', 'merchant_risk_info.is_preorder', 'false'],
    ['an array as an object', 'device_information', [{ device_id: 'x' }]],
    ['a three-letter country', 'source.billing_address.country', 'GBR'],
    ['a phone with a plus', 'source.home_phone.country_code', '+44'],
    ['a malformed email', 'source.email', 'jane.doe@'],
    ['an unknown scheme', 'source.scheme', 'maestro'],
    ['a date without a time', 'merchant_risk_info.pre_order_date', '2025-02-14'],
    ['an unknown enum value', 'merchant_risk_info.shipping_indicator', 'drone'],
    ['an unknown field in an address', 'shipping_address.floor', '2'],
    ['an unknown field in a phone', 'source.work_phone.extension', '12'],
    ['an unknown field in account info', 'account_info.loyalty_tier', 'gold'],
    ['an unknown field deeper down', 'account_info.three_ds_requestor_authentication_info.x', 1],
    ['an unknown field in the device', 'device_information.fingerprint', 'abc'],
    ['an installment without its count', 'installment', { days_between_payments: 30 }],
  ])('refuses %s with 400 before anything is recorded or sent', async (_case, path, value) => {
    const refused = await create(detailedWith(path, value)).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    const { errors } = refused.body.error.details as {
      errors: { param: string; message: string }[];
    };
    const named = errors.filter((error) => error.param.startsWith(path));
    expect(named).not.toEqual([]);
    // Words, never a library's rule name.
    named.forEach(({ message }) => expect(message).toMatch(/^(must|is|needs) /));
    expect(await authentications()).toBe(0);
    expect(sessionRequests()).toEqual([]);
  });
});
