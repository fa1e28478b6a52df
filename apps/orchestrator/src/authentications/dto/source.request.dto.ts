import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsCardNumber, IsNotExpired } from './card-validators.js';
import { CardholderDto } from './cardholder.request.dto.js';
import { Omittable } from '../../http/omittable.js';

export const SOURCE_TYPES = ['card', 'network_token', 'token', 'id'] as const;

/**
 * What cards and network tokens share: an expiry that together must not be in the past, the
 * name on the card, and `stored` (true when the card details were stored earlier).
 */
class ExpiringSourceDto extends CardholderDto {
  @ApiProperty({ minimum: 1, maximum: 12, example: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  expiry_month: number;

  @ApiProperty({ minimum: 2000, maximum: 2099, example: 2030 })
  @IsInt()
  @Min(2000)
  @Max(2099)
  @IsNotExpired()
  expiry_year: number;

  @ApiPropertyOptional({ minLength: 2, maxLength: 45, example: 'Jane Doe' })
  @Omittable()
  @IsString()
  @Length(2, 45)
  name?: string;

  @ApiPropertyOptional({ description: 'Authenticating stored card details', example: false })
  @Omittable()
  @IsBoolean()
  stored?: boolean;
}

@ApiSchema({ name: 'CardSource' })
export class CardSourceDto extends ExpiringSourceDto {
  @ApiProperty({ enum: ['card'] })
  @IsIn(['card'])
  type: 'card';

  @ApiProperty({
    description: '13–19 digits, valid Luhn check digit; never stored or echoed',
    pattern: '^\\d{13,19}$',
    example: '4242424242424242',
  })
  @IsCardNumber()
  number: string;
}

/** A scheme network token (DPAN) with its own expiry. */
@ApiSchema({ name: 'NetworkTokenSource' })
export class NetworkTokenSourceDto extends ExpiringSourceDto {
  @ApiProperty({ enum: ['network_token'] })
  @IsIn(['network_token'])
  type: 'network_token';

  @ApiProperty({ description: 'The DPAN: 13–19 digits', pattern: '^\\d{13,19}$' })
  @IsCardNumber()
  token: string;
}

/** A card token (`tok_…`) from the provider's card form or mobile SDKs. */
@ApiSchema({ name: 'TokenSource' })
export class TokenSourceDto extends CardholderDto {
  @ApiProperty({ enum: ['token'] })
  @IsIn(['token'])
  type: 'token';

  @ApiProperty({ pattern: '^tok_\\w{26,96}$', example: 'tok_ubfj2q76miwundwlk72vxt2i7q' })
  @Matches(/^tok_\w{26,96}$/, { message: 'must be a card token (tok_…)' })
  token: string;
}

/** A card instrument stored with the provider (`src_…`). */
@ApiSchema({ name: 'IdSource' })
export class IdSourceDto extends CardholderDto {
  @ApiProperty({ enum: ['id'] })
  @IsIn(['id'])
  type: 'id';

  @ApiProperty({ pattern: '^src_\\w{26,96}$', example: 'src_nwd3m4in3hkuddfpjsaevunhdy' })
  @Matches(/^src_\w{26,96}$/, { message: 'must be a stored instrument id (src_…)' })
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
