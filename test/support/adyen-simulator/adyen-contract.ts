import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import checkout from '../../../contracts/adyen/checkout-v71.subset.json' with { type: 'json' };
import payment from '../../../contracts/adyen/payment-v68.subset.json' with { type: 'json' };
import type { SimulatorTransport } from './adyen-library.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
ajv.addSchema(checkout, 'adyen-checkout');
ajv.addSchema(payment, 'adyen-payment');

/** Which published schema documents each simulator route's answers (contracts/adyen/README.md). */
const SCHEMA_OF: Record<string, string> = {
  '/v71/payments': 'adyen-checkout#/components/schemas/PaymentResponse',
  '/v71/payments/details': 'adyen-checkout#/components/schemas/PaymentDetailsResponse',
  '/pal/servlet/Payment/v68/retrieve3ds2Result':
    'adyen-payment#/components/schemas/ThreeDS2ResultResponse',
};
const SERVICE_ERROR = 'adyen-checkout#/components/schemas/ServiceError';

/**
 * Violations of one answer against Adyen's schema for its route and status ([] when it conforms):
 * a 2xx against the route's response schema, any other status against ServiceError.
 */
export function adyenContractViolations(path: string, status: number, body: unknown): string[] {
  const schema = status >= 200 && status < 300 ? SCHEMA_OF[path] : SERVICE_ERROR;
  if (!schema) return [`${path}: no published schema copied for this route`];
  const validate = ajv.getSchema(schema)!;
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${path} ${status}: ${e.instancePath} ${e.message ?? ''}`);
}

/** Violations of every answer the transport received since the last call (which it forgets). */
export function newAnswerViolations(transport: SimulatorTransport): string[] {
  return transport.answers
    .splice(0)
    .flatMap(({ path, status, body }) => adyenContractViolations(path, status, body));
}
