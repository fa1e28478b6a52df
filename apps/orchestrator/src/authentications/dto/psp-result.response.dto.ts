import {
  ADYEN_CHALLENGE_CANCEL,
  ADYEN_EXEMPTION,
  CHALLENGE_INDICATOR_CODE,
  STRIPE_CB_AVALGOS,
  STRIPE_ECIS,
  STRIPE_EXEMPTION,
  STRIPE_VERSIONS,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

// The result in the shape each gateway's own payment request takes (docs/result-formats.md).
// Each enum is the mapping's own table, so the document lists exactly what the mapping gives.

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
  @ApiProperty({ enum: STRIPE_CB_AVALGOS })
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
  @ApiPropertyOptional({ enum: STRIPE_VERSIONS, example: '2.2.0' })
  version?: string;

  @ApiPropertyOptional({ enum: STRIPE_ECIS, example: '05' })
  electronic_commerce_indicator?: string;

  @ApiPropertyOptional()
  cryptogram?: string;

  @ApiPropertyOptional({ description: 'dsTransID for 3DS2, XID for 3DS1' })
  transaction_id?: string;

  @ApiPropertyOptional({ description: '`C` when a challenge followed' })
  ares_trans_status?: string;

  @ApiPropertyOptional({
    enum: Object.values(STRIPE_EXEMPTION),
    description:
      '`low_risk` = transaction risk analysis; left out for exemptions Stripe has no value for ' +
      '(low value, trusted listing, …)',
  })
  exemption_indicator?: string;

  @ApiPropertyOptional({
    enum: Object.values(CHALLENGE_INDICATOR_CODE),
    example: '01',
    description: 'EMV threeDSRequestorChallengeInd',
  })
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

  @ApiPropertyOptional({ enum: ADYEN_CHALLENGE_CANCEL })
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

  @ApiPropertyOptional({ enum: ADYEN_CHALLENGE_CANCEL })
  challengeCancel?: string;

  @ApiPropertyOptional({ enum: Object.values(ADYEN_EXEMPTION) })
  exemptionIndicator?: string;

  @ApiPropertyOptional({ enum: Object.values(CHALLENGE_INDICATOR_CODE) })
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
