import { BadRequestException } from '@nestjs/common';
import { CREATE_EXAMPLE } from '../../apps/orchestrator/src/authentications/dto/create-authentication.examples.js';
import type { FieldError } from '../../apps/orchestrator/src/http/validation-details.js';
import type { DtoClass } from '../../apps/orchestrator/src/http/validation-messages.js';
import { validationPipe } from '../../apps/orchestrator/src/http/validation.pipe.js';

const pipe = validationPipe();

/** A deep copy made in this realm (structuredClone's objects fail class-transformer's instanceof). */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The API's validation of `value` as `metatype`: the refusal's details, or undefined if accepted. */
export async function refusal(
  metatype: DtoClass,
  value: unknown,
  type: 'body' | 'query' = 'body',
): Promise<{ errors: FieldError[] } | undefined> {
  try {
    await pipe.transform(value, { type, metatype: metatype as never });
    return undefined;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { details: { errors: FieldError[] } }).details;
  }
}

/** The create example with `value` at the dotted `path`; `undefined` removes the field. */
export function createWith(
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

/** App channel data that passes every rule. */
export const APP_CHANNEL = {
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
