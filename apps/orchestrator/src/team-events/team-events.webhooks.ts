import type { Type } from '@nestjs/common';
import { getSchemaPath, type ParameterObject } from '@nestjs/swagger';
import type { DocumentedWebhooks } from '../openapi/openapi.js';
import {
  AuthenticationClaimedEventDto,
  AuthenticationClaimReleasedEventDto,
  AuthenticationCompletedEventDto,
} from './dto/team-event-payloads.dto.js';
import {
  AUTHENTICATION_CLAIM_RELEASED,
  AUTHENTICATION_CLAIMED,
  AUTHENTICATION_COMPLETED,
  TEAM_EVENT_TYPES,
  type TeamEventType,
} from './event-types.js';

/** Each event's body and what it tells; `satisfies` makes a new event type name its own. */
const EVENTS = {
  [AUTHENTICATION_COMPLETED]: {
    payload: AuthenticationCompletedEventDto,
    summary: "An authentication's outcome is known (or it ended without one)",
  },
  [AUTHENTICATION_CLAIMED]: {
    payload: AuthenticationClaimedEventDto,
    summary: 'A payment claimed the result',
  },
  [AUTHENTICATION_CLAIM_RELEASED]: {
    payload: AuthenticationClaimReleasedEventDto,
    summary: 'A payment gave the result back: the authorization did not happen',
  },
} satisfies Record<TeamEventType, { payload: Type<unknown>; summary: string }>;

/** The schemas of the events' bodies, for the document's components. */
export const TEAM_EVENT_PAYLOADS: Type<unknown>[] = TEAM_EVENT_TYPES.map(
  (type) => EVENTS[type].payload,
);

const DELIVERY = `POSTed to every active endpoint of the team (\`/v1/webhook-endpoints\`), signed the
Standard Webhooks way. At least once: deduplicate on \`webhook-id\`. Any 2xx within the delivery
timeout ends it; anything else (another status, a redirect, no answer) is retried with
exponential backoff until the attempts run out, and the delivery is then dead until resent
(\`POST /v1/events/{id}/resend\`) or redelivered when the endpoint accepts one again.`;

const header = (name: string, description: string, pattern: string): ParameterObject => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string', pattern },
});

const STANDARD_WEBHOOK_HEADERS = [
  header(
    'webhook-id',
    'The event id, the same on every attempt: the key to deduplicate on',
    '^msg_[a-z2-7]{26}$',
  ),
  header(
    'webhook-timestamp',
    'Unix seconds when this attempt was signed; refuse one far from your clock',
    '^[0-9]+$',
  ),
  header(
    'webhook-signature',
    '`v1,` then the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed by ' +
      "the endpoint's secret (`whsec_…`, shown when it was registered); any Standard " +
      'Webhooks library verifies it',
    '^v1,[A-Za-z0-9+/]+={0,2}$',
  ),
];

/** The OpenAPI 3.1 `webhooks`: what a team's endpoint receives, one entry per event type. */
export const TEAM_EVENT_WEBHOOKS: DocumentedWebhooks = {
  models: TEAM_EVENT_PAYLOADS,
  webhooks: Object.fromEntries(
    TEAM_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          tags: ['team events'],
          summary: EVENTS[type].summary,
          description: DELIVERY,
          parameters: STANDARD_WEBHOOK_HEADERS,
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: getSchemaPath(EVENTS[type].payload) } },
            },
          },
          responses: {
            '2XX': { description: 'Received: no further attempt' },
          },
        },
      },
    ]),
  ),
};
