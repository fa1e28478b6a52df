import type { INestApplication, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type WebhooksObject,
} from '@nestjs/swagger';
import { API_ERROR_CODES, ERROR_CATALOGUE } from '../http/error-catalogue.js';
import { ErrorResponseDto, FieldErrorDto } from './api-errors.decorator.js';

/** Swagger UI at `/docs`, the document at `/docs-json`. */
export const DOCS_PATH = '/docs';
export const DOCUMENT_PATH = '/docs-json';

/** The routes that serve the documentation itself: Swagger UI, its assets, the document. */
export function isDocumentationRoute(url: string): boolean {
  return url === DOCS_PATH || url.startsWith(`${DOCS_PATH}/`) || url === DOCUMENT_PATH;
}

/**
 * Swagger UI's page has an inline stylesheet and its widgets set inline styles and data: images;
 * every script comes from /docs itself. Only these pages get this policy.
 */
const SWAGGER_UI_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const TAGS: readonly [string, string][] = [
  ['authentications', "The internal API for payment teams' backends (team API key)"],
  ['team events', "A team's webhook endpoints and the events sent to them (team API key)"],
  ['analytics', "A team's outcomes summed up: rates and failure reasons (team API key)"],
  ['checkout', 'What Checkout calls: the callback URL and the signed workflow webhooks'],
  ['adyen', "What Adyen calls: its standard webhooks (Basic auth, each item's HMAC)"],
  ['browser', "Where the issuer's pages send the cardholder's browser back"],
  ['browser helper', 'The script merchant pages load to run the browser steps'],
  ['health', 'Liveness, readiness and metrics, for the platform'],
];

const DESCRIPTION = `3-D Secure authentication through Checkout.com's standalone Sessions API, or
Adyen's standalone authentication, as each team's routing decides.

JSON in snake_case. Every \`/v1\` call needs a team API key (\`Authorization: Bearer <key>\`); a
team sees only its own resources. Every answer carries \`X-Request-Id\` (yours, when you send a
well-formed one). Errors are \`{"error": {"code", "message", "details", "request_id"}}\`;
\`details\` is always an object, and a refusal that names fields lists them in
\`details.errors\` as \`{"param": "channel_data.screen_width", "message": "must be …"}\`. \`code\`
is one of:

${errorCatalogueMarkdown()}`;

const API_KEY = `An opaque team API key, sent as \`Authorization: Bearer <key>\`. Not a JWT: it
carries nothing to decode, and the service looks it up by its SHA-256. Issued keys are \`tds_\`
and 32 base32 characters; keys an operator seeds through \`API_KEYS\` are at least 16 characters.
The service's operators create one per team (\`npm run api-keys -- create <team>\`), show it once
and can revoke it; a revoked key is refused from the next request on.`;

export function errorCatalogueMarkdown(): string {
  const rows = API_ERROR_CODES.map((code) => {
    const { status, meaning } = ERROR_CATALOGUE[code];
    return `| \`${code}\` | ${status} | ${meaning} |`;
  });
  return ['| code | status | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/**
 * What the service sends rather than serves, for the document's `webhooks`: the composition root
 * hands it over, as infrastructure imports no feature (docs/design.md#rooms).
 */
export interface DocumentedWebhooks {
  readonly webhooks: WebhooksObject;
  /** The classes of the bodies, whose schemas the webhooks refer to. */
  readonly models: readonly Type<unknown>[];
}

/** The OpenAPI document of every route the application serves (but the documentation's). */
export function buildOpenApiDocument(
  app: INestApplication,
  { webhooks, models }: DocumentedWebhooks,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('3-D Secure orchestrator')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .setOpenAPIVersion('3.1.0')
    // addBearerAuth would call the key a JWT: it is an opaque string, looked up by its hash.
    .addSecurity('api-key', { type: 'http', scheme: 'bearer', description: API_KEY });
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const config = { ...builder.build(), webhooks };
  return SwaggerModule.createDocument(app, config, {
    // Every controller names its tags; class names would add one per controller besides.
    autoTagControllers: false,
    // A feature's own models (the sub-types of its bodies) come with its controller's
    // @ApiExtraModels.
    extraModels: [ErrorResponseDto, FieldErrorDto, ...models],
  });
}

/** Serves Swagger UI and the JSON document; called wherever the HTTP server is configured. */
export function configureOpenApi(app: NestFastifyApplication, webhooks: DocumentedWebhooks): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app, webhooks), {
    jsonDocumentUrl: DOCUMENT_PATH,
    raw: ['json'],
    customSiteTitle: '3-D Secure orchestrator API',
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      const path = request.url.split('?')[0] ?? '';
      if (isDocumentationRoute(path) && path !== DOCUMENT_PATH) {
        void reply.header('content-security-policy', SWAGGER_UI_POLICY);
      }
      done(null, payload);
    });
}
