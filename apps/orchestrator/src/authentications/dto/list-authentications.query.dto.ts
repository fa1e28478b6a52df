import { AUTHENTICATION_STATES, type AuthenticationState } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Query of GET /v1/authentications: filters and a keyset cursor. */
export class ListAuthenticationsQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Only this reference' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;

  @ApiPropertyOptional({ enum: AUTHENTICATION_STATES, description: 'Only this state' })
  @IsOptional()
  @IsIn(AUTHENTICATION_STATES)
  state?: AuthenticationState;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque: the `next_cursor` of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}
