import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;
type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: Json }[];
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
};
type MediaType = {
  schema?: Json;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
};

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly webhooks?: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Json> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

/** `GET /v1/authentications/:id` for each operation, as Fastify names its routes. */
export function documentedRoutes(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

export interface DocumentedExample {
  readonly where: string;
  readonly schema: Json;
  readonly value: unknown;
}

/** Every request and response example of the document, with the schema it illustrates. */
export function documentedExamples(document: OpenApiDocument): DocumentedExample[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) => {
      const media = [
        ['request', operation.requestBody?.content] as const,
        ...Object.entries(operation.responses ?? {}).map(
          ([status, response]) => [status, response.content] as const,
        ),
      ];
      return media.flatMap(([what, content]) =>
        Object.values(content ?? {}).flatMap(({ schema, example, examples }) => {
          if (!schema) return [];
          const where = `${method.toUpperCase()} ${path} ${what}`;
          const values = [
            ...(example === undefined ? [] : [example]),
            ...Object.values(examples ?? {}).map((named) => named.value),
          ];
          return values.map((value) => ({ where, schema, value }));
        }),
      );
    }),
  );
}

/**
 * Validates bodies against the document's schemas (OpenAPI 3.1: JSON Schema 2020-12), strictly:
 * a field the schema does not list is an error (the document must show every field the API
 * answers).
 */
export class SchemaChecker {
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly compiled = new Map<Json, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.ajv.addSchema(strict({ components: document.components }) as Json, 'openapi');
  }

  /** Violations of `body` against `schema` (an operation's schema or a `$ref`); [] when none. */
  violations(schema: Json, body: unknown): string[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(strict(schema) as Json);
      this.compiled.set(schema, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map(
          (error) =>
            `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
        );
  }
}

/**
 * Violations of an event a team's endpoint received against the webhook its `type` names: the
 * body, and each header the webhook documents.
 */
export function undocumentedDelivery(
  document: OpenApiDocument,
  schemas: SchemaChecker,
  delivered: { headers: Record<string, string | string[] | undefined>; body: unknown },
): string[] {
  const type = String((delivered.body as { type?: unknown } | undefined)?.type);
  const operation = document.webhooks?.[type]?.post;
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  if (!operation || !schema) return [`no webhook for ${type}`];
  const headers = (operation.parameters ?? [])
    .filter((parameter) => parameter.in === 'header')
    .flatMap(({ name, required, schema: header }) => {
      const value = delivered.headers[name.toLowerCase()];
      if (value === undefined) return required ? [`${name}: missing`] : [];
      return schemas.violations(header ?? {}, value).map((violation) => `${name}: ${violation}`);
    });
  return [...headers, ...schemas.violations(schema, delivered.body)];
}

const EXAMPLE_KEYS = ['example', 'examples'];

function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (typeof node !== 'object' || node === null) return node;
  const converted: Json = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace(/^#/, 'openapi#')
        : EXAMPLE_KEYS.includes(key)
          ? value
          : strict(value),
    ]),
  );
  if ('properties' in converted && !('additionalProperties' in converted)) {
    converted.additionalProperties = false;
  }
  return converted;
}
