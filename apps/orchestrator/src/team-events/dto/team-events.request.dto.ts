import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Omittable } from '../../http/omittable.js';

const AUTHENTICATION_ID = /^auth_[a-z2-7]{26}$/;
const ENDPOINT_ID = /^ep_[a-z2-7]{26}$/;

/** POST /v1/webhook-endpoints */
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
}

/** GET /v1/events */
export class ListEventsQueryDto {
  @ApiPropertyOptional({ pattern: AUTHENTICATION_ID.source, description: 'Only its events' })
  @Omittable()
  @Matches(AUTHENTICATION_ID)
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
export class ResendEventRequestDto {
  @ApiPropertyOptional({ pattern: ENDPOINT_ID.source, description: 'Only to this endpoint' })
  @Omittable()
  @Matches(ENDPOINT_ID)
  endpoint_id?: string;
}
