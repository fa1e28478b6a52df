import type { OpenAPIObject } from '@nestjs/swagger';
import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { TEAM_EVENT_TYPES } from '../../apps/orchestrator/src/team-events/event-types.js';
import { buildServiceDocument } from '../support/service-document.js';

type Json = Record<string, unknown>;

/** Every object in `node` that has `key`, with its JSON pointer. */
function objectsWith(node: unknown, key: string, at = ''): [string, Json][] {
  if (typeof node !== 'object' || node === null) return [];
  const own: [string, Json][] = key in node ? [[at, node as Json]] : [];
  return own.concat(
    Object.entries(node).flatMap(([name, child]) => objectsWith(child, key, `${at}/${name}`)),
  );
}

/**
 * The document the service serves and its client is generated from, as a maintained OpenAPI
 * validator reads it (the specification's schema and the rules it cannot say: path parameters,
 * unique operation ids, resolvable `$ref`s), plus what this service promises of it.
 */
describe('the OpenAPI document', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await buildServiceDocument();
  });

  it('is a valid OpenAPI 3.1.0 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : compileErrors(result)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('has JSON Schema 2020-12 schemas: no 3.0 `nullable` left, each one a valid schema', () => {
    expect(objectsWith(document, 'nullable').map(([at]) => at)).toEqual([]);
    const ajv = new Ajv2020({ strict: false });
    const invalid = Object.entries(document.components?.schemas ?? {}).filter(
      ([, schema]) => !ajv.validateSchema(schema as Json),
    );
    expect(invalid.map(([name]) => name)).toEqual([]);
  });

  it('names its schemas as a client would: no `Dto`', () => {
    const names = Object.keys(document.components?.schemas ?? {});
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((name) => /dto$/i.test(name))).toEqual([]);
  });

  it('describes the API key as an opaque bearer key, not a JWT', () => {
    const scheme = document.components?.securitySchemes?.['api-key'];
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(scheme).not.toHaveProperty('bearerFormat');
    expect(scheme).toHaveProperty('description', expect.stringMatching(/opaque.*Not a JWT/s));
    expect(JSON.stringify(document)).not.toContain('"bearerFormat"');
  });

  it('has a webhook for every team event type, with its body and the Standard Webhooks headers', () => {
    expect(Object.keys(document.webhooks ?? {}).sort()).toEqual([...TEAM_EVENT_TYPES].sort());
    for (const [type, item] of Object.entries(document.webhooks ?? {})) {
      const operation = item.post!;
      const headers = (operation.parameters as { name: string; in: string }[])
        .filter((parameter) => parameter.in === 'header')
        .map(({ name }) => name);
      expect([type, headers]).toEqual([
        type,
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
      ]);
      const body = operation.requestBody as { content: Record<string, { schema: Json }> };
      const ref = String(body.content['application/json'].schema.$ref);
      const payload = document.components?.schemas?.[ref.split('/').pop()!] as Json;
      const properties = payload.properties as Record<string, Json>;
      expect([type, properties.type.enum]).toEqual([type, [type]]);
      expect(Object.keys(operation.responses)).toEqual(['2XX']);
    }
  });
});
