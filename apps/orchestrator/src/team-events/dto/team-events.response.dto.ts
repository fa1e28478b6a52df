import { ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { nullableString } from '../../openapi/schemas.js';
import { TEAM_EVENT_TYPES } from '../event-types.js';
import { TEAM_EVENT_PAYLOADS } from '../team-events.webhooks.js';

@ApiSchema({ name: 'Endpoint' })
export class EndpointResponseDto {
  @ApiProperty({ example: 'ep_2mhbfxdpnqrz6m6w7tiqbt3v4u' })
  id: string;

  @ApiProperty({ example: 'https://payments.example.com/3ds-events' })
  url: string;

  @ApiProperty(nullableString('payments-service'))
  description: string | null;

  @ApiProperty({ description: 'Dead-lettered events are queued again once a delivery succeeds' })
  redeliver_dead_events: boolean;

  @ApiProperty({ format: 'date-time' })
  created_at: string;
}

@ApiSchema({ name: 'CreatedEndpoint' })
export class CreatedEndpointResponseDto extends EndpointResponseDto {
  @ApiProperty({
    description: 'Standard Webhooks signing secret: shown in this answer only',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret: string;
}

@ApiSchema({ name: 'EndpointList' })
export class EndpointListResponseDto {
  @ApiProperty({ type: [EndpointResponseDto] })
  data: EndpointResponseDto[];
}

@ApiSchema({ name: 'DeliveryAttempt' })
class DeliveryAttemptDto {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: 'integer', nullable: true, description: "The endpoint's HTTP status" })
  status: number | null;

  @ApiProperty({ ...nullableString('timeout'), description: 'When no status came back' })
  error: string | null;

  @ApiProperty({ type: 'integer' })
  duration_ms: number;
}

@ApiSchema({ name: 'Delivery' })
class DeliveryDto {
  @ApiProperty()
  endpoint_id: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] })
  state: string;

  @ApiProperty({ type: 'integer' })
  attempts: number;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  next_attempt_at: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  delivered_at: string | null;

  @ApiProperty({ type: [DeliveryAttemptDto] })
  attempt_log: DeliveryAttemptDto[];
}

/** An event sent to the team, with its delivery to each endpoint. */
@ApiSchema({ name: 'TeamEvent' })
export class TeamEventResponseDto {
  @ApiProperty({ description: 'Also the `webhook-id` header', example: 'msg_…' })
  id: string;

  @ApiProperty({
    example: 'authentication.completed',
    description: `One of ${TEAM_EVENT_TYPES.map((type) => `\`${type}\``).join(', ')}`,
  })
  type: string;

  @ApiProperty()
  authentication_id: string;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({
    description: 'The exact body sent: the webhook of its `type`',
    oneOf: TEAM_EVENT_PAYLOADS.map((payload) => ({ $ref: getSchemaPath(payload) })),
  })
  payload: Record<string, unknown>;

  @ApiProperty({ type: [DeliveryDto] })
  deliveries: DeliveryDto[];
}

@ApiSchema({ name: 'TeamEventList' })
export class TeamEventListResponseDto {
  @ApiProperty({ type: [TeamEventResponseDto] })
  data: TeamEventResponseDto[];
}

@ApiSchema({ name: 'ResendResult' })
export class ResendResponseDto {
  @ApiProperty()
  event_id: string;

  @ApiProperty({ type: 'integer', description: 'Deliveries queued' })
  queued: number;
}
