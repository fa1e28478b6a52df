import { CREATE_EXAMPLE } from '../../apps/orchestrator/src/authentications/dto/create-authentication.examples.js';
import { CreateAuthenticationRequestDto } from '../../apps/orchestrator/src/authentications/dto/create-authentication.request.dto.js';
import type { FieldError } from '../../apps/orchestrator/src/http/validation-details.js';
import { RULE_PHRASES } from '../../apps/orchestrator/src/http/validation-messages.js';
import { APP_CHANNEL, copy, createWith, refusal } from '../support/validation-refusals.js';

/** The create body and what it nests (source, channel data, cardholder and risk data). */
describe('validation messages: creating an authentication', () => {
  it.each<[string, string, unknown, FieldError]>([
    [
      'a string with a length',
      'reference',
      '',
      { param: 'reference', message: 'must be a string of 1 to 100 characters' },
    ],
    [
      'an enum',
      'challenge_indicator',
      'maybe',
      {
        param: 'challenge_indicator',
        message: expect.stringMatching(
          /^must be one of: no_preference, no_challenge_requested, .*data_share$/,
        ),
      },
    ],
    [
      'an integer range',
      'amount',
      -1,
      { param: 'amount', message: `must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}` },
    ],
    [
      'an integer given a fraction',
      'amount',
      1.5,
      { param: 'amount', message: `must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}` },
    ],
    [
      'a nested field',
      'channel_data.screen_width',
      'wide',
      {
        param: 'channel_data.screen_width',
        message: 'must be a string of digits of 1 to 6 characters',
      },
    ],
    [
      'a nested object given a string',
      'shipping_address',
      'London',
      { param: 'shipping_address', message: 'must be an object' },
    ],
    [
      'a nested object given an array',
      'marketplace',
      [{ sub_entity_id: 'x' }],
      { param: 'marketplace', message: 'must be an object' },
    ],
    [
      'an array of enum items',
      'channel_data',
      { ...APP_CHANNEL, sdk_ui_elements: ['text', 'voice'] },
      {
        param: 'channel_data.sdk_ui_elements',
        message:
          'must be a list of items each one of: text, single_select, multi_select, oob, html_other with at least one item',
      },
    ],
    [
      'an empty array',
      'channel_data',
      { ...APP_CHANNEL, sdk_ui_elements: [] },
      {
        param: 'channel_data.sdk_ui_elements',
        message:
          'must be a list of items each one of: text, single_select, multi_select, oob, html_other with at least one item',
      },
    ],
    [
      'a boolean',
      'shipping_address_matches_billing',
      'true',
      { param: 'shipping_address_matches_billing', message: 'must be true or false' },
    ],
    [
      'a URL',
      'hosted',
      { success_url: 'http://shop.example/ok', failure_url: 'https://shop.example/no' },
      {
        param: 'hosted.success_url',
        message: 'must be an https URL (http only to a loopback host)',
      },
    ],
    [
      'an ISO currency',
      'currency',
      'EURO',
      { param: 'currency', message: 'must be an ISO 4217 currency code, such as EUR' },
    ],
    [
      'an ISO country',
      'shipping_address',
      { country: 'GBR' },
      {
        param: 'shipping_address.country',
        message: 'must be a two-letter ISO 3166-1 country code, such as GB',
      },
    ],
    [
      'a pattern with its own message',
      'processing_channel_id',
      'pc_short',
      { param: 'processing_channel_id', message: 'must be a processing channel id (pc_…)' },
    ],
    [
      'an object of no known type',
      'channel_data',
      { channel: 'fax', user_agent: 'x' },
      {
        param: 'channel_data',
        message: 'must be an object whose channel is one of: browser, app, merchant_initiated',
      },
    ],
    ['an unknown property', 'cvv', '123', { param: 'cvv', message: 'is not allowed' }],
    [
      'an unknown property, nested',
      'source.cvv',
      '123',
      { param: 'source.cvv', message: 'is not allowed' },
    ],
    [
      'a missing required field',
      'reference',
      undefined,
      { param: 'reference', message: 'is required' },
    ],
    [
      'a missing required nested field',
      'channel_data.user_agent',
      undefined,
      { param: 'channel_data.user_agent', message: 'is required' },
    ],
    ['a missing required object', 'source', undefined, { param: 'source', message: 'is required' }],
    [
      'a string for an integer',
      'amount',
      '6540',
      { param: 'amount', message: `must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}` },
    ],
    [
      'a number for a string',
      'reference',
      1001,
      { param: 'reference', message: 'must be a string of 1 to 100 characters' },
    ],
    [
      'null for an optional field',
      'challenge_indicator',
      null,
      { param: 'challenge_indicator', message: expect.stringMatching(/^must be one of: /) },
    ],
    [
      'a field that needs another',
      'authentication_type',
      'recurring',
      {
        param: 'authentication_type',
        message: 'needs an amount above 0 when recurring or installment',
      },
    ],
  ])('names %s by its path and says what is wrong', async (_case, path, value, expected) => {
    // Recurrence needs an amount: without one, the rule on authentication_type speaks.
    const base = path === 'authentication_type' ? { ...CREATE_EXAMPLE, amount: 0 } : undefined;
    const refused = await refusal(CreateAuthenticationRequestDto, createWith(path, value, base));
    expect(refused?.errors).toContainEqual(expected);
  });

  it('names the fields of a body that is no object, and nothing that is not a field', async () => {
    for (const body of [[], 'str', null, 5]) {
      expect(await refusal(CreateAuthenticationRequestDto, body)).toEqual({
        errors: ['source', 'currency', 'channel', 'reference'].map((param) => ({
          param,
          message: 'is required',
        })),
      });
    }
    const unknownType = await refusal(
      CreateAuthenticationRequestDto,
      createWith('source', { type: 'cash', number: '1' }),
    );
    expect(unknownType?.errors).toEqual([
      {
        param: 'source',
        message: 'must be an object whose type is one of: card, network_token, token, id',
      },
    ]);
  });

  it('never says a rule name or the value', async () => {
    const value = 'GBP-4485040371536584';
    const refused = await refusal(CreateAuthenticationRequestDto, {
      ...createWith('currency', value),
      [value]: value,
    });
    const text = JSON.stringify(refused);
    expect(text).not.toContain('4485040371536584');
    for (const rule of [...Object.keys(RULE_PHRASES), 'whitelistValidation', 'isDefined']) {
      expect(text).not.toContain(rule);
    }
    expect(refused?.errors).toContainEqual({ param: '(unknown field)', message: 'is not allowed' });
  });

  it('accepts the examples it documents', async () => {
    expect(await refusal(CreateAuthenticationRequestDto, copy(CREATE_EXAMPLE))).toBeUndefined();
    expect(
      await refusal(CreateAuthenticationRequestDto, createWith('channel_data', APP_CHANNEL)),
    ).toBeUndefined();
  });
});
