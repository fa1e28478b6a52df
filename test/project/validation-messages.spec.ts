import { BadRequestException } from '@nestjs/common';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CREATE_EXAMPLE } from '../../apps/orchestrator/src/authentications/dto/authentication.examples.js';
import { SubmitChannelDataRequestDto } from '../../apps/orchestrator/src/authentications/dto/channel-data.request.dto.js';
import { CreateAuthenticationRequestDto } from '../../apps/orchestrator/src/authentications/dto/create-authentication.request.dto.js';
import { ListAuthenticationsQueryDto } from '../../apps/orchestrator/src/authentications/dto/list-authentications.query.dto.js';
import { CreateEndpointRequestDto } from '../../apps/orchestrator/src/team-events/dto/team-events.request.dto.js';
import { paramOf } from '../../apps/orchestrator/src/http/input-screening.js';
import { validationPipe } from '../../apps/orchestrator/src/http/validation.pipe.js';
import {
  ownMessageOf,
  RULE_PHRASES,
  ruleNameOf,
  rulesOf,
  type DtoClass,
  type RuleMetadata,
} from '../../apps/orchestrator/src/http/validation-messages.js';
import type { FieldError } from '../../apps/orchestrator/src/http/validation-details.js';

const SOURCES = 'apps/orchestrator/src';
/** Rule types that only steer validation (when, how deep) and never fail on their own. */
const STEERING = new Set(['conditionalValidation']);

/** Every request body and query class: what the API validates (responses are not validated). */
async function requestDtoClasses(): Promise<{ file: string; dto: DtoClass }[]> {
  const files = (readdirSync(SOURCES, { recursive: true }) as string[])
    .filter((file) => /\.(request|query)\.dto\.ts$/.test(file))
    .sort();
  const classes = await Promise.all(
    files.map(async (file) => {
      const module = (await import(join(process.cwd(), SOURCES, file))) as Record<string, unknown>;
      return Object.values(module)
        .filter((value): value is DtoClass => typeof value === 'function')
        .map((dto) => ({ file: relative('.', join(SOURCES, file)), dto }));
    }),
  );
  return classes.flat();
}

const pipe = validationPipe();
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function refusal(metatype: DtoClass, value: unknown, type: 'body' | 'query' = 'body') {
  try {
    await pipe.transform(value, { type, metatype: metatype as never });
    return undefined;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { details: { errors: FieldError[] } }).details;
  }
}

/** The create example with `value` at the dotted `path`; `undefined` removes the field. */
function createWith(
  path: string,
  value: unknown,
  base: object = CREATE_EXAMPLE,
): Record<string, unknown> {
  const body = copy(base) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys
    .slice(0, -1)
    .reduce((node, key) => (node[key] ??= {}) as Record<string, unknown>, body);
  if (value === undefined) delete parent[keys.at(-1)!];
  else parent[keys.at(-1)!] = value;
  return body;
}

const APP_CHANNEL = {
  channel: 'app',
  sdk_app_id: 'dbd64fcb-c19a-4728-8849-e3d50bfdde39',
  sdk_max_timeout: 5,
  sdk_ephem_pub_key: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' },
  sdk_reference_number: '3DS_LOA_SDK_PPFU_020100_00007',
  sdk_encrypted_data: 'eyJhbGciOiJ',
  sdk_transaction_id: 'b2385523-a66c-4907-ac3c-91848e8c0067',
  sdk_interface_type: 'both',
  sdk_ui_elements: ['text'],
};

describe('validation messages', () => {
  it('has a message for every rule any request DTO uses (its own, or one written from the table)', async () => {
    const classes = await requestDtoClasses();
    expect(classes.length).toBeGreaterThan(20);
    const withoutMessage: string[] = [];
    const used = new Set<string>();
    for (const { file, dto } of classes) {
      const rules: RuleMetadata[] = rulesOf(dto);
      for (const rule of rules.filter((one) => !STEERING.has(one.type))) {
        used.add(ruleNameOf(rule));
        const own = ownMessageOf(rule);
        if (own === undefined && !(ruleNameOf(rule) in RULE_PHRASES) && rule.type !== 'isDefined') {
          withoutMessage.push(`${file} ${dto.name}.${rule.propertyName}: ${ruleNameOf(rule)}`);
        }
        // A message of its own is said after the field's name: it must not name it again.
        if (own !== undefined) expect(own).not.toMatch(/\$property|^[a-z_]+ (must|need)/);
      }
    }
    expect(withoutMessage).toEqual([]);
    expect(used.size).toBeGreaterThan(15);
  });

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

  it('names query parameters and bodies of other routes the same way', async () => {
    expect(await refusal(ListAuthenticationsQueryDto, { limit: '500' }, 'query')).toEqual({
      errors: [{ param: 'limit', message: 'must be an integer between 1 and 100' }],
    });
    expect(await refusal(CreateEndpointRequestDto, { description: 'x' })).toEqual({
      errors: [{ param: 'url', message: 'is required' }],
    });
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
    // class-transformer throws on an array of null where a discriminated object goes.
    expect(await refusal(SubmitChannelDataRequestDto, { channel_data: [null] })).toEqual({
      errors: [{ param: '', message: 'is not of the shape this route takes' }],
    });
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

  it.each([
    [['amount'], 'amount'],
    [['channel_data', 'screen_width'], 'channel_data.screen_width'],
    [['items', 2, 'amount'], 'items[2].amount'],
    [['matrix', 0, 1], 'matrix[0][1]'],
    [['source', '4485040371536584'], 'source.(unknown field)'],
    [[], ''],
  ])('writes the path %j as %j', (segments, param) => {
    expect(paramOf(segments)).toBe(param);
  });
});
