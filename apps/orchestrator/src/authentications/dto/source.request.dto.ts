import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsCardNumber, IsNotExpired } from './card-validators.js';
import { Omittable } from '../../http/omittable.js';

export const SOURCE_TYPES = ['card', 'network_token', 'token', 'id'] as const;

/** Expiry shared by cards and network tokens; together they must not be in the past. */
class ExpiringSourceDto {
  @IsInt()
  @Min(1)
  @Max(12)
  expiry_month: number;

  @IsInt()
  @Min(2000)
  @Max(2099)
  @IsNotExpired()
  expiry_year: number;
}

export class CardSourceDto extends ExpiringSourceDto {
  @IsIn(['card'])
  type: 'card';

  @IsCardNumber()
  number: string;

  @Omittable()
  @IsString()
  @Length(2, 45)
  name?: string;
}

/** A scheme network token (DPAN) with its own expiry. */
export class NetworkTokenSourceDto extends ExpiringSourceDto {
  @IsIn(['network_token'])
  type: 'network_token';

  @IsCardNumber()
  token: string;
}

/** A Checkout card token (`tok_…`) from Frames or the mobile SDKs. */
export class TokenSourceDto {
  @IsIn(['token'])
  type: 'token';

  @Matches(/^tok_\w{26,96}$/, { message: 'token must be a Checkout token (tok_…)' })
  token: string;
}

/** A stored Checkout card instrument (`src_…`). */
export class IdSourceDto {
  @IsIn(['id'])
  type: 'id';

  @Matches(/^src_\w{26,96}$/, { message: 'id must be a Checkout instrument id (src_…)' })
  id: string;
}

export type SourceDto = CardSourceDto | NetworkTokenSourceDto | TokenSourceDto | IdSourceDto;

/** class-transformer discriminator: `type` picks the class to validate against. */
export const SOURCE_DISCRIMINATOR = {
  property: 'type',
  subTypes: [
    { name: 'card', value: CardSourceDto },
    { name: 'network_token', value: NetworkTokenSourceDto },
    { name: 'token', value: TokenSourceDto },
    { name: 'id', value: IdSourceDto },
  ],
};
