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
export class GenericResultDto {
  @ApiProperty({
    example: 'auth_01J9Z3M6Q1V5KX0B7D2C4E8F6G',
    description:
      'Our authentication id (`auth_…`), as everywhere in the API. Before issue 20 this field held ' +
      "Checkout's `sid_…`; that is now `checkout_session_id` (docs/result-formats.md#ids)",
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

class StripeCartesBancairesDto {
  @ApiProperty({ enum: ['0', '1', '2', '3', '4', 'A'] })
  cb_avalgo: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 99 })
  cb_score?: number;

  @ApiPropertyOptional({ maxLength: 4 })
  cb_exemption?: string;
}

class StripeNetworkOptionsDto {
  @ApiProperty({ type: StripeCartesBancairesDto })
  cartes_bancaires: StripeCartesBancairesDto;
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

  @ApiPropertyOptional({
    enum: ['low_risk', 'none'],
    description:
      '`low_risk` = transaction risk analysis; left out for exemptions Stripe has no value for ' +
      '(low value, trusted listing, …)',
  })
  exemption_indicator?: string;

  @ApiPropertyOptional({ example: '01', description: 'EMV threeDSRequestorChallengeInd' })
  requestor_challenge_indicator?: string;

  @ApiPropertyOptional({ type: StripeNetworkOptionsDto })
  network_options?: StripeNetworkOptionsDto;
}

class StripeCardOptionsDto {
  @ApiPropertyOptional({
    enum: ['cartes_bancaires'],
    description: 'Set with Cartes Bancaires fields: Stripe takes network_options only with it',
  })
  network?: string;

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

  @ApiPropertyOptional({ enum: ['01', '02', '03', '04', '05', '06', '07'] })
  challengeCancel?: string;

  @ApiPropertyOptional({ description: 'Cartes Bancaires DS risk score' })
  riskScore?: string;
}

class AdyenThreeDs2ResultDto {
  @ApiPropertyOptional({ example: '2.2.0' })
  messageVersion?: string;

  @ApiPropertyOptional()
  transStatus?: string;

  @ApiPropertyOptional()
  transStatusReason?: string;

  @ApiPropertyOptional()
  authenticationValue?: string;

  @ApiPropertyOptional()
  eci?: string;

  @ApiPropertyOptional()
  dsTransID?: string;

  @ApiPropertyOptional()
  threeDSServerTransID?: string;

  @ApiPropertyOptional({ enum: ['01', '02', '03', '04', '05', '06', '07'] })
  challengeCancel?: string;

  @ApiPropertyOptional({
    enum: ['lowValue', 'secureCorporate', 'trustedBeneficiary', 'transactionRiskAnalysis'],
  })
  exemptionIndicator?: string;

  @ApiPropertyOptional({ enum: ['01', '02', '03', '04', '05', '06'] })
  threeDSRequestorChallengeInd?: string;

  @ApiPropertyOptional({ description: 'Cartes Bancaires only' })
  cavvAlgorithm?: string;

  @ApiPropertyOptional({ description: 'Cartes Bancaires only' })
  riskScore?: string;
}

/** `format=adyen`: `/payments` `mpiData`, and Adyen's `ThreeDS2Result` for 3DS2. */
export class AdyenResultDto {
  @ApiProperty({ type: AdyenMpiDataDto })
  mpiData: AdyenMpiDataDto;

  @ApiPropertyOptional({
    type: AdyenThreeDs2ResultDto,
    description: '3DS2 only: the fields mpiData has no place for (exemption, CB algorithm, …)',
  })
  threeDS2Result?: AdyenThreeDs2ResultDto;
}

export const RESULT_MODELS = [GenericResultDto, CheckoutResultDto, StripeResultDto, AdyenResultDto];
