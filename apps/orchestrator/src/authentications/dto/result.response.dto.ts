import {
  CLAIM_STATUSES,
  GUIDANCE,
  OUTCOMES,
  type ClaimStatus,
  type Guidance,
  type Outcome,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AdyenResultDto, CheckoutResultDto, StripeResultDto } from './psp-result.response.dto.js';

/** The payment that holds the result (docs/claims.md#reading-the-result). */
@ApiSchema({ name: 'ResultClaimReference' })
export class ResultClaimReferenceDto {
  @ApiProperty({ example: 'clm_7xq2nd4kbm3aroq5kfy2c6ushe' })
  id: string;

  @ApiProperty({ example: 'PAY-5023-4E89-1' })
  payment_reference: string;

  @ApiProperty({ enum: CLAIM_STATUSES })
  status: ClaimStatus;
}

@ApiSchema({ name: 'CartesBancaires' })
class CartesBancairesDto {
  @ApiPropertyOptional({ example: '17', description: 'DS risk score, 0–99 (CB-SCORE)' })
  score?: string;

  @ApiPropertyOptional({ example: '2', description: 'ACS cryptogram algorithm (CB-AVALGO)' })
  avalgo?: string;

  @ApiPropertyOptional({
    example: 'AAQA',
    description: 'CB exemption bitmap, base64 (CB-EXEMPTION)',
  })
  exemption?: string;
}

/** `format=generic`: every field we have; fields without a value are left out. */
@ApiSchema({ name: 'GenericResult' })
export class GenericResultDto {
  @ApiProperty({
    example: 'auth_4ldi6vdq5cb2nbk3xakyl5n2xe',
    description:
      "Our authentication id (`auth_…`), as everywhere in the API; Checkout's own `sid_…` is " +
      '`checkout_session_id` (docs/result-formats.md#ids)',
  })
  authentication_id: string;

  @ApiPropertyOptional({
    example: 'sid_y3oqhf46pyzuxjbcn2giaqnb44',
    description: "Checkout's session id; absent when no session was created (card not enrolled)",
  })
  checkout_session_id?: string;

  @ApiProperty({ enum: OUTCOMES })
  outcome: Outcome;

  @ApiProperty({ enum: GUIDANCE })
  guidance: Guidance;

  @ApiPropertyOptional({ example: '2.2.0' })
  protocol_version?: string;

  @ApiPropertyOptional({ example: 'Y' })
  trans_status?: string;

  @ApiPropertyOptional()
  trans_status_reason?: string;

  @ApiPropertyOptional({ example: '05' })
  eci?: string;

  @ApiPropertyOptional({ description: 'CAVV / AAV, base64' })
  cryptogram?: string;

  @ApiPropertyOptional({ description: '3DS1 only' })
  xid?: string;

  @ApiPropertyOptional()
  ds_transaction_id?: string;

  @ApiPropertyOptional()
  three_ds_server_transaction_id?: string;

  @ApiPropertyOptional()
  acs_transaction_id?: string;

  @ApiPropertyOptional({
    example: 'low_value',
    description:
      'The exemption the issuer applied (`none`: none); an applied one shifts no liability',
  })
  exemption?: string;

  @ApiPropertyOptional({
    example: 'no_preference',
    description: 'The challenge indicator requested',
  })
  challenge_indicator?: string;

  @ApiPropertyOptional()
  challenged?: boolean;

  @ApiPropertyOptional({ description: 'The ACS said a challenge is mandated' })
  challenge_mandated?: boolean;

  @ApiPropertyOptional({
    example: 'cardholder_cancel',
    description: 'Why the challenge was cancelled, as the provider words it',
  })
  challenge_cancel_reason?: string;

  @ApiPropertyOptional({ example: '01', description: 'EMV challengeCancel code (`01`–`08`)' })
  challenge_cancel_code?: string;

  @ApiPropertyOptional({
    description:
      'Text from the DS or ACS for the cardholder; EMV 3DS says it must be shown to the cardholder',
  })
  cardholder_info?: string;

  @ApiPropertyOptional({
    type: CartesBancairesDto,
    description: 'Cartes Bancaires cards only',
  })
  cartes_bancaires?: CartesBancairesDto;

  @ApiPropertyOptional({ example: 'frictionless' })
  flow_type?: string;

  @ApiPropertyOptional({ description: 'As the provider gives it' })
  authentication_date?: string;

  @ApiPropertyOptional({ type: 'integer' })
  amount?: number;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiPropertyOptional({
    type: ResultClaimReferenceDto,
    description: "The payment's claim while one holds the result; absent when unclaimed",
  })
  claim?: ResultClaimReferenceDto;
}

export const RESULT_MODELS = [GenericResultDto, CheckoutResultDto, StripeResultDto, AdyenResultDto];
