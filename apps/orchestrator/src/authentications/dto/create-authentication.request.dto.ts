import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { CurrencyCode } from '../../http/currency-code.js';
import { AccountInfoDto } from './account-info.request.dto.js';
import { AddressDto } from './cardholder.request.dto.js';
import { CHANNEL_DATA_DISCRIMINATOR, type ChannelDataDto } from './channel-data.request.dto.js';
import { HostedRequestDto } from './hosted.request.dto.js';
import { MerchantRiskInfoDto } from './merchant-risk.request.dto.js';
import { IsOneOfSubTypes, OptionalNested } from './nested-object.js';
import { InitialTransactionDto, InstallmentDto, RecurringDto } from './recurrence.request.dto.js';
import {
  BillingDescriptorDto,
  DeviceInformationDto,
  MarketplaceDto,
  OptimizationDto,
} from './session-options.request.dto.js';
import { SOURCE_DISCRIMINATOR, type SourceDto } from './source.request.dto.js';
import { Omittable } from '../../http/omittable.js';
import { oneOfSubTypes } from '../../openapi/schemas.js';

/** The session request's enumerations for these fields (EMV 3DS and the provider's own). */
const CHALLENGE_INDICATORS = [
  'no_preference',
  'no_challenge_requested',
  'challenge_requested',
  'challenge_requested_mandate',
  'low_value',
  'trusted_listing',
  'trusted_listing_prompt',
  'transaction_risk_assessment',
  'data_share',
];
const AUTHENTICATION_TYPES = ['regular', 'recurring', 'installment', 'maintain_card', 'add_card'];
const AUTHENTICATION_CATEGORIES = ['payment', 'non_payment'];
const TRANSACTION_TYPES = [
  'goods_service',
  'check_acceptance',
  'account_funding',
  'quasi_card_transaction',
  'prepaid_activation_and_load',
];

/**
 * On `authentication_type`: the provider requires an amount above 0 for `recurring` and
 * `installment` (its SessionRequest `amount`), and would refuse the session after we recorded it.
 */
function HasAmountForRecurrence(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'hasAmountForRecurrence',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: 'needs an amount above 0 when recurring or installment' },
      validator: {
        validate: (type: unknown, args: ValidationArguments) => {
          const amount = (args.object as { amount?: unknown }).amount;
          return !['recurring', 'installment'].includes(type as string) || Number(amount) > 0;
        },
      },
    });
}

/**
 * On `channel`: a merchant-initiated (3RI) authentication has no cardholder to collect channel
 * data from later, so its `channel_data` (the `request_type`) goes with the create.
 */
function HasChannelDataFor3ri(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'hasChannelDataFor3ri',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: 'needs channel_data with the create when merchant_initiated' },
      validator: {
        validate: (channel: unknown, args: ValidationArguments) =>
          channel !== 'merchant_initiated' ||
          (args.object as { channel_data?: unknown }).channel_data !== undefined,
      },
    });
}

/** A processing channel id: `pc_` and 26 characters. */
export const PROCESSING_CHANNEL_ID = /^pc_\w{26}$/;

/** Body of POST /v1/authentications. Unknown fields (a `cvv`, say) are refused, not ignored. */
@ApiSchema({ name: 'CreateAuthenticationRequest' })
export class CreateAuthenticationRequestDto {
  @ApiProperty(oneOfSubTypes(SOURCE_DISCRIMINATOR))
  // @ValidateNested skips undefined: without these a missing source would reach the service.
  @IsDefined()
  @IsOneOfSubTypes(SOURCE_DISCRIMINATOR)
  @ValidateNested()
  @Type(() => Object, { discriminator: SOURCE_DISCRIMINATOR, keepDiscriminatorProperty: true })
  source: SourceDto;

  /** Minor units (the currency's smallest unit); omit for a non-payment authentication. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1999 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount?: number;

  @ApiProperty({ description: 'ISO 4217', example: 'EUR' })
  @CurrencyCode()
  currency: string;

  @ApiProperty({
    enum: ['browser', 'app', 'merchant_initiated'],
    description: '`merchant_initiated` (3RI) needs `channel_data` with the create',
  })
  @IsIn(['browser', 'app', 'merchant_initiated'])
  @HasChannelDataFor3ri()
  channel: 'browser' | 'app' | 'merchant_initiated';

  @ApiProperty({ description: 'Your order reference', maxLength: 100, example: 'ORD-5023-4E89' })
  @IsString()
  @Length(1, 100)
  reference: string;

  @ApiPropertyOptional({
    ...oneOfSubTypes(CHANNEL_DATA_DISCRIMINATOR),
    description: 'Now, or later through `POST …/channel-data` when `next_action` asks for it',
  })
  @Omittable()
  @IsOneOfSubTypes(CHANNEL_DATA_DISCRIMINATOR)
  @ValidateNested()
  @Type(() => Object, {
    discriminator: CHANNEL_DATA_DISCRIMINATOR,
    keepDiscriminatorProperty: true,
  })
  channel_data?: ChannelDataDto;

  @ApiPropertyOptional({ enum: CHALLENGE_INDICATORS })
  @Omittable()
  @IsIn(CHALLENGE_INDICATORS)
  challenge_indicator?: string;

  @ApiPropertyOptional({
    enum: AUTHENTICATION_TYPES,
    description: '`recurring` and `installment` need an `amount` above 0',
  })
  @Omittable()
  @IsIn(AUTHENTICATION_TYPES)
  @HasAmountForRecurrence()
  authentication_type?: string;

  @ApiPropertyOptional({ enum: AUTHENTICATION_CATEGORIES })
  @Omittable()
  @IsIn(AUTHENTICATION_CATEGORIES)
  authentication_category?: string;

  @ApiPropertyOptional({ enum: TRANSACTION_TYPES })
  @Omittable()
  @IsIn(TRANSACTION_TYPES)
  transaction_type?: string;

  @ApiPropertyOptional({
    pattern: '^pc_\\w{26}$',
    description:
      "One of the team's processing channels (403 `PROCESSING_CHANNEL_NOT_ALLOWED` otherwise); unset: the team's default",
  })
  @Omittable()
  @Matches(PROCESSING_CHANNEL_ID, { message: 'must be a processing channel id (pc_…)' })
  processing_channel_id?: string;

  @ApiPropertyOptional({
    maxLength: 36,
    description: "A prior authentication's ACS transaction id, for the ACS's risk analysis",
  })
  @Omittable()
  @IsString()
  @Length(1, 36)
  prior_transaction_reference?: string;

  @OptionalNested(
    () => HostedRequestDto,
    "Hosted: the provider's page gathers the browser data and runs the challenge (browser channel, no `channel_data`)",
  )
  hosted?: HostedRequestDto;

  @OptionalNested(() => MarketplaceDto, "A payment facilitator's sub-entity")
  marketplace?: MarketplaceDto;

  @OptionalNested(() => AccountInfoDto, "The cardholder's account with you")
  account_info?: AccountInfoDto;

  @OptionalNested(() => MerchantRiskInfoDto, 'The purchase: delivery, pre-order, gift cards')
  merchant_risk_info?: MerchantRiskInfoDto;

  @OptionalNested(() => AddressDto)
  shipping_address?: AddressDto;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  shipping_address_matches_billing?: boolean;

  @OptionalNested(() => BillingDescriptorDto, 'The merchant name shown in the challenge window')
  billing_descriptor?: BillingDescriptorDto;

  @OptionalNested(() => RecurringDto, 'With `authentication_type: recurring`')
  recurring?: RecurringDto;

  @OptionalNested(() => InstallmentDto, 'With `authentication_type: installment`')
  installment?: InstallmentDto;

  @OptionalNested(() => InitialTransactionDto, 'The earlier authentication this one relies on')
  initial_transaction?: InitialTransactionDto;

  @OptionalNested(() => OptimizationDto)
  optimization?: OptimizationDto;

  @OptionalNested(() => DeviceInformationDto, "The device, from the provider's risk script")
  device_information?: DeviceInformationDto;
}
