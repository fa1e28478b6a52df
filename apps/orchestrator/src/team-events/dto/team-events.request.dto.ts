import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Omittable } from '../../http/omittable.js';

const AUTHENTICATION_ID = /^auth_[a-z2-7]{26}$/;
const ENDPOINT_ID = /^ep_[a-z2-7]{26}$/;

/** POST /v1/webhook-endpoints */
export class CreateEndpointRequestDto {
  /** https, public address (checked when registered and again on every connection). */
  @IsString()
  @Length(1, 2_048)
  url: string;

  @Omittable()
  @IsString()
  @Length(1, 200)
  description?: string;
}

/** GET /v1/events */
export class ListEventsQueryDto {
  @Omittable()
  @Matches(AUTHENTICATION_ID)
  authentication_id?: string;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** POST /v1/events/{id}/resend: to every active endpoint, or only this one. */
export class ResendEventRequestDto {
  @Omittable()
  @Matches(ENDPOINT_ID)
  endpoint_id?: string;
}
