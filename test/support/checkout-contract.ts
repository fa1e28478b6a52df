import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import openapi from '../../contracts/checkout/sessions.openapi.json' with { type: 'json' };

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
ajv.addSchema(openapi, 'checkout');

export type CheckoutSchema =
  | 'CreateSessionOkResponse'
  | 'CreateSessionAcceptedResponse'
  | 'GetSessionResponse'
  | 'GetSessionResponseAfterChannelDataSupplied'
  | 'ErrorResponse'
  | 'Acs'
  | 'Ds'
  | 'DsPublicKeys';

/** Schema violations of `body` against one of Checkout's OpenAPI schemas ([] when it conforms). */
export function contractViolations(body: unknown, schema: CheckoutSchema): string[] {
  const validate = ajv.getSchema(`checkout#/components/schemas/${schema}`)!;
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
