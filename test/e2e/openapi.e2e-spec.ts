import type { CreateAuthenticationRequest } from '@app/api-client';
import request from 'supertest';
import { API_ERROR_CODES } from '../../apps/orchestrator/src/http/error-catalogue.js';
import { isDocumentationRoute } from '../../apps/orchestrator/src/openapi/openapi.js';
import {
  documentedExamples,
  documentedRoutes,
  SchemaChecker,
  undocumentedDelivery,
  type OpenApiDocument,
} from '../support/openapi-document.js';
import type { Answer } from '../support/api.js';
import { HttpRecorder } from '../support/http-recorder.js';
import { Orchestration } from '../support/orchestration.js';
import { buildServiceDocument } from '../support/service-document.js';
import { TEAM_A } from '../support/test-config.js';
import { waitUntil } from '../support/wait-until.js';

describe('OpenAPI document (e2e)', () => {
  let orchestration: Orchestration;
  let document: OpenApiDocument;
  let schemas: SchemaChecker;
  let teamEndpoint: HttpRecorder;

  beforeAll(async () => {
    orchestration = await Orchestration.start();
    teamEndpoint = await HttpRecorder.start();
    const { body } = await request(orchestration.orchestrator.http).get('/docs-json').expect(200);
    document = body as OpenApiDocument;
    schemas = new SchemaChecker(document);
  });
  afterEach(() => orchestration.reset());
  afterAll(async () => {
    await teamEndpoint?.close();
    await orchestration?.close();
  });

  /** The schema the document gives for `method path` answering `status`. */
  const responseSchema = (method: string, path: string, status: number) => {
    const content = document.paths[path]?.[method]?.responses?.[String(status)]?.content;
    const schema = content?.['application/json']?.schema;
    if (!schema) throw new Error(`${method} ${path} ${status}: no schema in the document`);
    return schema;
  };

  /** Violations of an answer against what the document says `method path` answers. */
  const undocumented = (method: string, path: string, response: Answer) => [
    `${method} ${path}`,
    schemas.violations(responseSchema(method, path, response.status), response.body),
  ];
  const none = (method: string, path: string) => [`${method} ${path}`, []];

  const createDocumentedExample = () => {
    const body = document.paths['/v1/authentications'].post.requestBody?.content?.[
      'application/json'
    ].examples?.frictionless.value as CreateAuthenticationRequest;
    return orchestration.client.create(body).expect(201);
  };

  it('is the document the typed client is generated from, which is built without a server', async () => {
    const built: unknown = JSON.parse(JSON.stringify(await buildServiceDocument()));
    expect(built).toEqual(document);
  });

  it('lists every route Fastify serves, and no other', () => {
    const served = orchestration.orchestrator.routes.filter(
      (route) => !isDocumentationRoute(route.split(' ')[1]),
    );
    const documented = documentedRoutes(document);
    expect(served.length).toBeGreaterThan(15);
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
  });

  it('serves Swagger UI at /docs, with a policy that lets only its own scripts run', async () => {
    const http = orchestration.orchestrator.http;
    const page = await request(http).get('/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('swagger-ui-bundle.js');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    await request(http).get('/docs/swagger-ui-init.js').expect(200);
    await request(http).get('/docs/swagger-ui-bundle.js').expect(200);
    // Everything else keeps the strict JSON policy.
    const health = await request(http).get('/health/live').expect(200);
    expect(health.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('tags every operation with a described tag', () => {
    const described = (document as unknown as { tags: { name: string }[] }).tags.map(
      (tag) => tag.name,
    );
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    const tagged = operations.map((operation) => (operation as { tags?: string[] }).tags ?? []);
    expect(tagged.filter((tags) => tags.length !== 1 || !described.includes(tags[0]))).toEqual([]);
  });

  it('gives every error code of the catalogue, and the API key scheme on /v1', () => {
    const error = document.components.schemas.ApiError as {
      properties: { code: { enum: string[] } };
    };
    expect(error.properties.code.enum).toEqual([...API_ERROR_CODES]);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item) as { security?: unknown }[]) {
        expect([path, operation.security]).toEqual([
          path,
          path.startsWith('/v1') ? [{ 'api-key': [] }] : undefined,
        ]);
      }
    }
  });

  it('has examples that match their own schemas', () => {
    const examples = documentedExamples(document);
    expect(examples.length).toBeGreaterThan(20);
    const wrong = examples.flatMap(({ where, schema, value }) =>
      schemas.violations(schema, value).map((violation) => `${where}: ${violation}`),
    );
    expect(wrong).toEqual([]);
  });

  it('describes the answers of an authentication field for field', async () => {
    const created = await createDocumentedExample();
    expect(undocumented('post', '/v1/authentications', created)).toEqual(
      none('post', '/v1/authentications'),
    );
    const id = (created.body as { id: string }).id;
    await orchestration.waitForState(id, 'completed');

    const reads: [string, string][] = [
      [`/v1/authentications/${id}`, '/v1/authentications/{id}'],
      ['/v1/authentications', '/v1/authentications'],
      [`/v1/authentications/${id}/events`, '/v1/authentications/{id}/events'],
      ...['generic', 'checkout', 'stripe', 'adyen'].map((format): [string, string] => [
        `/v1/authentications/${id}/result?format=${format}`,
        '/v1/authentications/{id}/result',
      ]),
      ['/v1/authentications/auth_aaaaaaaaaaaaaaaaaaaaaaaaaa', '/v1/authentications/{id}'],
      ['/v1/analytics/authentications', '/v1/analytics/authentications'],
      ['/v1/analytics/authentications?from=yesterday', '/v1/analytics/authentications'],
    ];
    for (const [url, path] of reads) {
      const answer = await orchestration.api('get', url);
      expect([url, undocumented('get', path, answer)]).toEqual([url, none('get', path)]);
    }
  });

  it('describes the answers about team events field for field', async () => {
    const registered = await orchestration
      .api('post', '/v1/webhook-endpoints')
      .send({ url: teamEndpoint.to('/events'), description: 'payments backend' })
      .expect(201);
    expect(undocumented('post', '/v1/webhook-endpoints', registered)).toEqual(
      none('post', '/v1/webhook-endpoints'),
    );
    await createDocumentedExample();
    const events = await waitUntil(async () => {
      const answer = await orchestration.api('get', '/v1/events').expect(200);
      const delivered = (answer.body as { data: { deliveries: { state: string }[] }[] }).data;
      return delivered[0]?.deliveries[0]?.state === 'delivered' ? answer : undefined;
    });
    expect(undocumented('get', '/v1/events', events)).toEqual(none('get', '/v1/events'));
    const eventId = (events.body as { data: { id: string }[] }).data[0].id;

    const answers: [string, string, request.Response][] = [
      ['get', '/v1/events/{id}', await orchestration.api('get', `/v1/events/${eventId}`)],
      [
        'post',
        '/v1/events/{id}/resend',
        await orchestration.api('post', `/v1/events/${eventId}/resend`).send({}),
      ],
      ['get', '/v1/webhook-endpoints', await orchestration.api('get', '/v1/webhook-endpoints')],
    ];
    for (const [method, path, answer] of answers) {
      expect(undocumented(method, path, answer)).toEqual(none(method, path));
    }
    const endpointId = (registered.body as { id: string }).id;
    await request(orchestration.orchestrator.http)
      .delete(`/v1/webhook-endpoints/${endpointId}`)
      .set('authorization', `Bearer ${TEAM_A.apiKey}`)
      .expect(204);
  });

  it('delivers every team event as the webhook of its type describes it', async () => {
    await orchestration
      .api('post', '/v1/webhook-endpoints')
      .send({ url: teamEndpoint.to('/webhooks') })
      .expect(201);
    const { id, amount, currency } = (await createDocumentedExample()).body as {
      id: string;
      amount: number;
      currency: string;
    };
    const claim = await orchestration.client
      .claim(id, { payment_reference: 'PAY-1', psp: 'generic', amount, currency })
      .expect(201);
    await orchestration.client
      .release(id, (claim.body as { id: string }).id, 'cancelled')
      .expect(200);

    const delivered = await teamEndpoint.waitFor('/webhooks', 3);
    const types = new Set(delivered.map(({ body }) => body?.type));
    expect([...types].sort()).toEqual(Object.keys(document.webhooks ?? {}).sort());
    for (const event of delivered) {
      const type = event.body?.type;
      expect([type, undocumentedDelivery(document, schemas, event)]).toEqual([type, []]);
    }
  });
});
