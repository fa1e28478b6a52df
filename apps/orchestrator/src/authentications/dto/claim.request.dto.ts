import {
  CLAIM_PSPS,
  TEAM_RELEASE_REASONS,
  type ClaimPsp,
  type TeamReleaseReason,
} from '@app/domain';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { CurrencyCode } from '../../http/currency-code.js';

/** The payment that will use the result (docs/claims.md#claim). */
@ApiSchema({ name: 'ClaimRequest' })
export class ClaimRequestDto {
  @ApiProperty({
    description: 'Your reference of the payment; the same reference again gets the same claim',
    minLength: 1,
    maxLength: 100,
    example: 'PAY-5023-4E89-1',
  })
  @IsString()
  @Length(1, 100)
  payment_reference: string;

  @ApiProperty({
    enum: CLAIM_PSPS,
    description: 'Who authorizes the payment: the format of the result in the answer',
  })
  @IsIn(CLAIM_PSPS)
  psp: ClaimPsp;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Minor units; at most the authenticated amount',
    example: 1999,
  })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ description: 'ISO 4217; the authenticated currency', example: 'EUR' })
  @CurrencyCode()
  currency: string;
}

/** Why the authorization did not happen, so another payment may claim the result. */
@ApiSchema({ name: 'ReleaseClaimRequest' })
export class ReleaseClaimRequestDto {
  @ApiProperty({ enum: TEAM_RELEASE_REASONS })
  @IsIn(TEAM_RELEASE_REASONS)
  reason: TeamReleaseReason;
}
