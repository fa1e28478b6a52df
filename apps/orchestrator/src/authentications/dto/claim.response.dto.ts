import {
  CLAIM_PSPS,
  CLAIM_STATUSES,
  RELEASE_REASONS,
  type ClaimPsp,
  type ClaimStatus,
  type ReleaseReason,
} from '@app/domain';
import { ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { RESULT_MODELS } from './result.response.dto.js';

/** One payment's claim on a result. */
@ApiSchema({ name: 'Claim' })
export class ClaimResponseDto {
  @ApiProperty({ example: 'clm_7xq2nd4kbm3aroq5kfy2c6ushe' })
  id: string;

  @ApiProperty({ example: 'auth_4ldi6vdq5cb2nbk3xakyl5n2xe' })
  authentication_id: string;

  @ApiProperty({ example: 'PAY-5023-4E89-1' })
  payment_reference: string;

  @ApiProperty({ enum: CLAIM_PSPS })
  psp: ClaimPsp;

  @ApiProperty({ type: 'integer', example: 1999 })
  amount: number;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ enum: CLAIM_STATUSES, description: '`released` once given back' })
  status: ClaimStatus;

  @ApiProperty({ enum: RELEASE_REASONS, nullable: true, type: 'string' })
  release_reason: ReleaseReason | null;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  released_at: string | null;
}

/** A claim with the result in the format its `psp` names. */
@ApiSchema({ name: 'ClaimWithResult' })
export class ClaimWithResultResponseDto extends ClaimResponseDto {
  @ApiProperty({
    description: 'The result as `GET …/result?format={psp}` shapes it',
    oneOf: RESULT_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  })
  result: Record<string, unknown>;
}

@ApiSchema({ name: 'ClaimList' })
export class ClaimListResponseDto {
  @ApiProperty({ type: [ClaimResponseDto], description: 'Oldest first' })
  data: ClaimResponseDto[];
}
