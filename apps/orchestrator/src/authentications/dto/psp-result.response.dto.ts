import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

// The result in the shape each gateway's own payment request takes (docs/result-formats.md).

@ApiSchema({ name: 'CheckoutThreeDs' })
class CheckoutThreeDsDto {
  @ApiProperty({ description: 'false when the card or issuer is not enrolled' })
  enabled: boolean;

  @ApiPropertyOptional({ description: "Checkout's session id (`sid_…`)" })
  authentication_id?: string;
}

/** `format=checkout`: the `3ds` block of Checkout's `POST /payments`. */
@ApiSchema({ name: 'CheckoutResult' })
export class CheckoutResultDto {
  @ApiProperty({ type: CheckoutThreeDsDto })
  '3ds': CheckoutThreeDsDto;
}

@ApiSchema({ name: 'StripeCartesBancaires' })
class StripeCartesBancairesDto {
  @ApiProperty({ enum: ['0', '1', '2', '3', '4', 'A'] })
  cb_avalgo: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 99 })
  cb_score?: number;

  @ApiPropertyOptional({ maxLength: 4 })
  cb_exemption?: string;
}

@ApiSchema({ name: 'StripeNetworkOptions' })
class StripeNetworkOptionsDto {
  @ApiProperty({ type: StripeCartesBancairesDto })
  cartes_bancaires: StripeCartesBancairesDto;
}

@ApiSchema({ name: 'StripeThreeDSecure' })
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

@ApiSchema({ name: 'StripeCardOptions' })
class StripeCardOptionsDto {
  @ApiPropertyOptional({
    enum: ['cartes_bancaires'],
    description: 'Set with Cartes Bancaires fields: Stripe takes network_options only with it',
  })
  network?: string;

  @ApiProperty({ type: StripeThreeDSecureDto })
  three_d_secure: StripeThreeDSecureDto;
}

@ApiSchema({ name: 'StripePaymentMethodOptions' })
class StripePaymentMethodOptionsDto {
  @ApiProperty({ type: StripeCardOptionsDto })
  card: StripeCardOptionsDto;
}

/** `format=stripe`: PaymentIntent `payment_method_options.card.three_d_secure`. */
@ApiSchema({ name: 'StripeResult' })
export class StripeResultDto {
  @ApiProperty({ type: StripePaymentMethodOptionsDto })
  payment_method_options: StripePaymentMethodOptionsDto;
}

@ApiSchema({ name: 'AdyenMpiData' })
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

@ApiSchema({ name: 'AdyenThreeDs2Result' })
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
@ApiSchema({ name: 'AdyenResult' })
export class AdyenResultDto {
  @ApiProperty({ type: AdyenMpiDataDto })
  mpiData: AdyenMpiDataDto;

  @ApiPropertyOptional({
    type: AdyenThreeDs2ResultDto,
    description: '3DS2 only: the fields mpiData has no place for (exemption, CB algorithm, …)',
  })
  threeDS2Result?: AdyenThreeDs2ResultDto;
}
