import { AUTHENTICATION_STATES, type AuthenticationState } from '@app/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Query of GET /v1/authentications: filters and a keyset cursor. */
export class ListAuthenticationsQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;

  @IsOptional()
  @IsIn(AUTHENTICATION_STATES)
  state?: AuthenticationState;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** Opaque: the `next_cursor` of the previous page. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}
