import { BadRequestException } from '@nestjs/common';
import { inspect } from 'node:util';
import { CREATE_EXAMPLE, DETAILED_CREATE_EXAMPLE } from './create-authentication.examples.js';
import { MERCHANT_INITIATED_REQUEST_TYPES } from './channel-data.request.dto.js';
import { CreateAuthenticationRequestDto } from './create-authentication.request.dto.js';
import { validationPipe } from '../../http/validation.pipe.js';

const pipe = validationPipe();
/** A deep copy made in this realm (structuredClone's objects fail class-transformer's instanceof). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const validate = (body: unknown) =>
  pipe.transform(body, { type: 'body', metatype: CreateAuthenticationRequestDto });

/** The fields a refusal names, with what is wrong with each, or [] when the body is accepted. */
async function refusal(body: unknown): Promise<{ param: string; message: string }[]> {
  try {
    await validate(body);
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const { details } = error.getResponse() as {
      details: { errors: { param: string; message: string }[] };
    };
    return details.errors;
  }
}

/** The detailed example with `value` at `path` (dotted); `undefined` removes the field. */
function withField(path: string, value: unknown): Record<string, unknown> {
  const body = copy(DETAILED_CREATE_EXAMPLE) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys
    .slice(0, -1)
    .reduce((node, key) => node[key] as Record<string, unknown>, body);
  if (value === undefined) delete parent[keys.at(-1)!];
  else parent[keys.at(-1)!] = value;
  return body;
}

describe('CreateAuthenticationRequestDto', () => {
  it('accepts every optional field, typed, named and nested as the session request has them', async () => {
    const dto = (await validate(copy(DETAILED_CREATE_EXAMPLE))) as object;
    expect(JSON.parse(JSON.stringify(dto))).toEqual(DETAILED_CREATE_EXAMPLE);
  });

  it.each([
    'source.billing_address.address_line1',
    'source.mobile_phone.number',
    'source.email',
    'source.scheme',
    'shipping_address.address_line1',
    'account_info.purchase_count',
    'account_info.three_ds_requestor_authentication_info.three_ds_req_auth_method',
    'merchant_risk_info.delivery_email',
    'initial_transaction.acs_transaction_id',
    'device_information.device_session_id',
    'recurring.expiry',
    'shipping_address',
    'initial_transaction',
  ])('refuses null in %s', async (path) => {
    expect(await refusal(withField(path, null))).toContainEqual(
      expect.objectContaining({ param: path }),
    );
  });

  it.each([
    ['source.billing_address.country', 'United Kingdom'],
    ['source.billing_address.state', 'EN'],
    ['source.billing_address.city', 'x'.repeat(51)],
    ['source.home_phone.country_code', '+44'],
    ['source.work_phone.number', '0'.repeat(16)],
    ['source.email', 'not-an-email'],
    ['source.scheme', 'discover_global'],
    ['source.stored', 'yes'],
    ['account_info.purchase_count', '4'],
    ['account_info.transactions_per_year', 1000],
    ['account_info.account_date', '2021-05-17'],
    ['account_info.account_type', 'savings'],
    ['merchant_risk_info.gift_card_count', '1'],
    ['merchant_risk_info.gift_card_currency', 'XXY'],
    ['shipping_address', [{ city: 'London' }]],
    ['shipping_address_matches_billing', 'true'],
    ['billing_descriptor.name', 'M&S <script>'],
    ['recurring.expiry', '2027-12-31'],
    ['recurring.days_between_payments', 0],
    ['initial_transaction.initial_session_id', 'sid_short'],
    ['initial_transaction.acs_transaction_id', 'x'.repeat(36)],
    ['marketplace.sub_entity_id', 'entity-1'],
    ['optimization.framework', 'speed'],
    ['device_information.device_session_id', 'dsid_x'],
    ['prior_transaction_reference', 'x'.repeat(37)],
  ])('refuses %s = %j', async (path, value) => {
    expect(await refusal(withField(path, value))).toContainEqual(
      expect.objectContaining({ param: path }),
    );
  });

  it('requires both parts of a phone and the number of payments of an installment', async () => {
    expect(await refusal(withField('source.home_phone', { country_code: '44' }))).toContainEqual({
      param: 'source.home_phone.number',
      message: 'is required',
    });
    const installment = {
      ...withField('recurring', undefined),
      installment: { expiry: '20271231' },
    };
    expect(await refusal(installment)).toContainEqual({
      param: 'installment.number_of_payments',
      message: 'is required',
    });
  });

  it.each([
    ['recurring', undefined],
    ['recurring', 0],
    ['installment', undefined],
  ])(
    'refuses a %s authentication with amount %j (the provider needs one above 0)',
    async (type, amount) => {
      const body = { ...withField('amount', amount), authentication_type: type };
      expect(await refusal(body)).toContainEqual({
        param: 'authentication_type',
        message: 'needs an amount above 0 when recurring or installment',
      });
      expect(await refusal({ ...body, amount: 1 })).toEqual([]);
    },
  );

  it.each([
    'source.billing_address',
    'shipping_address',
    'account_info',
    'account_info.three_ds_requestor_authentication_info',
    'merchant_risk_info',
    'initial_transaction',
    'device_information',
  ])('refuses an unknown field inside %s', async (path) => {
    const body = withField(`${path}.cvv`, '123');
    expect(await refusal(body)).toContainEqual({
      param: `${path}.cvv`,
      message: 'is not allowed',
    });
  });

  describe('merchant_initiated (3RI)', () => {
    const threeRi = (channelData: unknown) => ({
      ...withField('channel', 'merchant_initiated'),
      channel_data: channelData,
    });

    it('accepts 3RI channel data with each request_type, and initial_transaction', async () => {
      for (const requestType of MERCHANT_INITIATED_REQUEST_TYPES) {
        const body = threeRi({ channel: 'merchant_initiated', request_type: requestType });
        expect(await refusal(body)).toEqual([]);
      }
    });

    it.each([['birthday_present'], [undefined], [7]])(
      'refuses request_type %j',
      async (requestType) => {
        const body = threeRi({ channel: 'merchant_initiated', request_type: requestType });
        expect(await refusal(body)).toContainEqual(
          expect.objectContaining({ param: 'channel_data.request_type' }),
        );
      },
    );

    it('refuses a 3RI create without channel_data: there is no later step to send it', async () => {
      expect(await refusal(threeRi(undefined))).toContainEqual({
        param: 'channel',
        message: 'needs channel_data with the create when merchant_initiated',
      });
    });

    it('refuses browser fields in 3RI channel data', async () => {
      const body = threeRi({
        channel: 'merchant_initiated',
        request_type: 'top_up',
        user_agent: 'Mozilla/5.0',
      });
      expect(await refusal(body)).toContainEqual({
        param: 'channel_data.user_agent',
        message: 'is not allowed',
      });
    });
  });
});

/**
 * The pipe keeps the DTO instance on each validation error (validationError.target: its field
 * errors need it); nothing of it may reach the refusal, nor the error thrown.
 */
describe('a refused create with a card number', () => {
  const CARD = CREATE_EXAMPLE.source.number;

  it.each([
    ['another field is wrong', { ...CREATE_EXAMPLE, amount: -1 }],
    [
      'the card number fails its own rule',
      { ...CREATE_EXAMPLE, source: { ...CREATE_EXAMPLE.source, number: `${CARD}0` } },
    ],
    ['the card number is sent as a key', { ...CREATE_EXAMPLE, [CARD]: CARD }],
  ])('holds no card number anywhere when %s', async (_case, body) => {
    const thrown: unknown = await validate(copy(body)).then(
      () => new Error('the body was accepted'),
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(BadRequestException);
    const everything = [
      JSON.stringify(thrown),
      JSON.stringify((thrown as BadRequestException).getResponse()),
      inspect(thrown, { depth: Infinity, showHidden: true }),
    ].join('\n');
    expect(everything).not.toContain(CARD);
  });
});
