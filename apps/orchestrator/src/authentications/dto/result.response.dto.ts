import {
  CLAIM_STATUSES,
  GUIDANCE,
  OUTCOMES,
  type ClaimStatus,
  type Guidance,
  type Outcome,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The payment that holds the result (docs/claims.md#reading-the-result). */
export class ResultClaimReferenceDto {
  @ApiProperty({ example: 'clm_7xq2nd4kbm3aroq5kfy2c6ushe' })
  id: string;

  @ApiProperty({ example: 'PAY-5023-4E89-1' })
  payment_reference: string;

  @ApiProperty({ enum: CLAIM_STATUSES })
  status: ClaimStatus;
}

/** `format=generic`: every field we have; fields without a value are left out. */
export class GenericResultDto {
  @ApiPropertyOptional({ description: "The provider's session id (Checkout's `sid_…`)" })
  authentication_id?: string;

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

  @ApiPropertyOptional({ example: 'low_value' })
  exemption?: string;

  @ApiPropertyOptional()
  challenged?: boolean;

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

class CheckoutThreeDsDto {
  @ApiProperty({ description: 'false when the card or issuer is not enrolled' })
  enabled: boolean;

  @ApiPropertyOptional({ description: "Checkout's session id (`sid_…`)" })
  authentication_id?: string;
}

/** `format=checkout`: the `3ds` block of Checkout's `POST /payments`. */
export class CheckoutResultDto {
  @ApiProperty({ type: CheckoutThreeDsDto })
  '3ds': CheckoutThreeDsDto;
}

class StripeThreeDSecureDto {
  @ApiPropertyOptional({ example: '2.2.0' })
  version?: string;

  @ApiPropertyOptional({ example: '05' })
  electronic_commerce_indicator?: string;

  @ApiPropertyOptional()
  cryptogram?: string;

  @ApiPropertyOptional({ description: 'dsTransID for 3DS2, XID for 3DS1' })
  transaction_id?: string;

  @ApiPropertyOptional({ description: '`C` when a challenge followed' })
  ares_trans_status?: string;

  @ApiPropertyOptional({ enum: ['low_risk'] })
  exemption_indicator?: string;
}

class StripeCardOptionsDto {
  @ApiProperty({ type: StripeThreeDSecureDto })
  three_d_secure: StripeThreeDSecureDto;
}

class StripePaymentMethodOptionsDto {
  @ApiProperty({ type: StripeCardOptionsDto })
  card: StripeCardOptionsDto;
}

/** `format=stripe`: PaymentIntent `payment_method_options.card.three_d_secure`. */
export class StripeResultDto {
  @ApiProperty({ type: StripePaymentMethodOptionsDto })
  payment_method_options: StripePaymentMethodOptionsDto;
}

class AdyenMpiDataDto {
  @ApiPropertyOptional({ example: '2.2.0' })
  threeDSVersion?: string;

  @ApiPropertyOptional({ description: 'ARes transStatus (`C` when a challenge followed)' })
  directoryResponse?: string;

  @ApiPropertyOptional({ description: 'RReq transStatus, challenged flows only' })
  authenticationResponse?: string;

  @ApiPropertyOptional()
  transStatusReason?: string;

  @ApiPropertyOptional()
  cavv?: string;

  @ApiPropertyOptional()
  eci?: string;

  @ApiPropertyOptional()
  dsTransID?: string;

  @ApiPropertyOptional({ description: '3DS1 only' })
  xid?: string;
}

/** `format=adyen`: `/payments` `mpiData`. */
export class AdyenResultDto {
  @ApiProperty({ type: AdyenMpiDataDto })
  mpiData: AdyenMpiDataDto;
}

export const RESULT_MODELS = [GenericResultDto, CheckoutResultDto, StripeResultDto, AdyenResultDto];
