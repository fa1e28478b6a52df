import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Omittable } from '../../http/omittable.js';

const AUTHENTICATION_ID = /^auth_[a-z2-7]{26}$/;
const ENDPOINT_ID = /^ep_[a-z2-7]{26}$/;

const REDELIVER_DEAD_EVENTS =
  'When a delivery to this endpoint succeeds again, its dead-lettered events are queued again ' +
  '(oldest first, spaced by TEAM_EVENTS_REDELIVERY_SPACING_MS), each once';

/** POST /v1/webhook-endpoints */
@ApiSchema({ name: 'CreateEndpointRequest' })
export class CreateEndpointRequestDto {
  @ApiProperty({
    description: 'https, public address (checked when registered and on every connection)',
    maxLength: 2_048,
    example: 'https://payments.example.com/3ds-events',
  })
  @IsString()
  @Length(1, 2_048)
  url: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'payments-service' })
  @Omittable()
  @IsString()
  @Length(1, 200)
  description?: string;

  @ApiPropertyOptional({ default: true, description: REDELIVER_DEAD_EVENTS })
  @Omittable()
  @IsBoolean()
  redeliver_dead_events?: boolean;
}

/** PATCH /v1/webhook-endpoints/{id} */
@ApiSchema({ name: 'UpdateEndpointRequest' })
export class UpdateEndpointRequestDto {
  @ApiProperty({ description: REDELIVER_DEAD_EVENTS })
  @IsBoolean()
  redeliver_dead_events: boolean;
}

/** GET /v1/events */
export class ListEventsQueryDto {
  @ApiPropertyOptional({ pattern: AUTHENTICATION_ID.source, description: 'Only its events' })
  @Omittable()
  @Matches(AUTHENTICATION_ID, { message: 'must be an authentication id (auth_…)' })
  authentication_id?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** POST /v1/events/{id}/resend: to every active endpoint, or only this one. */
@ApiSchema({ name: 'ResendEventRequest' })
export class ResendEventRequestDto {
  @ApiPropertyOptional({ pattern: ENDPOINT_ID.source, description: 'Only to this endpoint' })
  @Omittable()
  @Matches(ENDPOINT_ID, { message: 'must be an endpoint id (ep_…)' })
  endpoint_id?: string;
}
