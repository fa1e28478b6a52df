import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNEL_DATA_DISCRIMINATOR, type ChannelDataDto } from './channel-data.request.dto.js';
import { SOURCE_DISCRIMINATOR, type SourceDto } from './source.request.dto.js';
import { Omittable } from '../../http/omittable.js';
import { oneOfSubTypes } from '../../openapi/schemas.js';

/** Checkout's enumerations for these fields (create session request). */
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

/** Objects passed to Checkout as given (Checkout validates their content). */
const PASSED_THROUGH = { type: 'object', additionalProperties: true } as const;

/** Body of POST /v1/authentications. Unknown fields (a `cvv`, say) are refused, not ignored. */
export class CreateAuthenticationRequestDto {
  @ApiProperty(oneOfSubTypes(SOURCE_DISCRIMINATOR))
  // @ValidateNested skips undefined: without these a missing source would reach the service.
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => Object, { discriminator: SOURCE_DISCRIMINATOR, keepDiscriminatorProperty: true })
  source: SourceDto;

  /** Minor units (Checkout: "Format the amount value"); omit for a non-payment authentication. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 1999 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount?: number;

  @ApiProperty({ description: 'ISO 4217', example: 'EUR' })
  @IsISO4217CurrencyCode()
  currency: string;

  @ApiProperty({ enum: ['browser', 'app'] })
  @IsIn(['browser', 'app'])
  channel: 'browser' | 'app';

  @ApiProperty({ description: 'Your order reference', maxLength: 100, example: 'ORD-5023-4E89' })
  @IsString()
  @Length(1, 100)
  reference: string;

  @ApiPropertyOptional({
    ...oneOfSubTypes(CHANNEL_DATA_DISCRIMINATOR),
    description: 'Now, or later through `POST …/channel-data` when `next_action` asks for it',
  })
  @Omittable()
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

  @ApiPropertyOptional({ enum: AUTHENTICATION_TYPES })
  @Omittable()
  @IsIn(AUTHENTICATION_TYPES)
  authentication_type?: string;

  @ApiPropertyOptional({ enum: AUTHENTICATION_CATEGORIES })
  @Omittable()
  @IsIn(AUTHENTICATION_CATEGORIES)
  authentication_category?: string;

  @ApiPropertyOptional({ enum: TRANSACTION_TYPES })
  @Omittable()
  @IsIn(TRANSACTION_TYPES)
  transaction_type?: string;

  @ApiPropertyOptional({ pattern: '^pc_\\w{26}$' })
  @Omittable()
  @Matches(/^pc_\w{26}$/, { message: 'processing_channel_id must look like pc_…' })
  processing_channel_id?: string;

  @ApiPropertyOptional(PASSED_THROUGH)
  @Omittable()
  @IsObject()
  account_info?: Record<string, unknown>;

  @ApiPropertyOptional(PASSED_THROUGH)
  @Omittable()
  @IsObject()
  merchant_risk_info?: Record<string, unknown>;

  @ApiPropertyOptional(PASSED_THROUGH)
  @Omittable()
  @IsObject()
  shipping_address?: Record<string, unknown>;

  @ApiPropertyOptional(PASSED_THROUGH)
  @Omittable()
  @IsObject()
  billing_descriptor?: Record<string, unknown>;

  @ApiPropertyOptional(PASSED_THROUGH)
  @Omittable()
  @IsObject()
  recurring?: Record<string, unknown>;

  @ApiPropertyOptional(PASSED_THROUGH)
  @Omittable()
  @IsObject()
  installment?: Record<string, unknown>;
}
