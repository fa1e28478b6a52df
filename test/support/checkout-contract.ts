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

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };
const PATHS = openapi.paths as unknown as Record<string, Record<string, Operation>>;

/** The document's path template a request path matches (`/sessions/sid_…` → `/sessions/{id}`). */
function templateOf(path: string): string | undefined {
  const bare = path.split('?')[0];
  return Object.keys(PATHS).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare),
  );
}

/**
 * Violations of one Checkout API answer against the response its OpenAPI operation documents
 * for that status; [] for paths outside the document (the simulator's `/_sim` and ACS pages).
 * An undocumented error status must still carry an ErrorResponse (or nothing), as every
 * Sessions error does; a documented answer without content must have no body.
 */
export function responseContractViolations(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string[] {
  const template = templateOf(path);
  const operation = template ? PATHS[template][method.toLowerCase()] : undefined;
  if (!template || !operation) return [];
  const documented = operation.responses?.[String(status)];
  const where = `${method} ${template} ${status}`;
  if (!documented) {
    if (status < 400) return [`${where}: status not documented`];
    if (body === undefined || template === '/connect/token') return [];
    return contractViolations(body, 'ErrorResponse').map((violation) => `${where}: ${violation}`);
  }
  if (!documented.content?.['application/json']) {
    return body === undefined ? [] : [`${where}: documented without a body, got one`];
  }
  const pointer = `/paths/${template.replaceAll('/', '~1')}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(`checkout#${pointer}`)!;
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${where}: ${e.instancePath} ${e.message ?? ''}`);
}
