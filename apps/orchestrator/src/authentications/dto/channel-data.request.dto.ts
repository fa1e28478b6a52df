import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsIP,
  IsNumberString,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../http/omittable.js';
import { oneOfSubTypes } from '../../openapi/schemas.js';
import { IsOneOfSubTypes } from './nested-object.js';

/**
 * EMV 3DS browser data, as the session request's `channel_data` names it
 * (docs/design.md#provider-port).
 */
@ApiSchema({ name: 'BrowserChannel' })
export class BrowserChannelDto {
  @ApiProperty({ enum: ['browser'] })
  @IsIn(['browser'])
  channel: 'browser';

  @ApiProperty({ maxLength: 2048, example: 'text/html,application/xhtml+xml' })
  @IsString()
  @Length(1, 2048)
  accept_header: string;

  @ApiProperty({ example: false })
  @IsBoolean()
  java_enabled: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  javascript_enabled: boolean;

  @ApiProperty({ maxLength: 12, example: 'en-GB' })
  @IsString()
  @Length(1, 12)
  language: string;

  @ApiProperty({ description: 'Digits', maxLength: 2, example: '24' })
  @IsNumberString()
  @Length(1, 2)
  color_depth: string;

  @ApiProperty({ description: 'Digits', maxLength: 6, example: '1080' })
  @IsNumberString()
  @Length(1, 6)
  screen_height: string;

  @ApiProperty({ description: 'Digits', maxLength: 6, example: '1920' })
  @IsNumberString()
  @Length(1, 6)
  screen_width: string;

  @ApiProperty({
    description: 'UTC minus local time, in minutes (`getTimezoneOffset()`)',
    maxLength: 5,
    example: '-60',
  })
  @IsString()
  @Length(1, 5)
  timezone: string;

  @ApiProperty({ maxLength: 2048, example: 'Mozilla/5.0 (X11; Linux x86_64)' })
  @IsString()
  @Length(1, 2048)
  user_agent: string;

  @ApiProperty({ description: 'IPv4 or IPv6', example: '203.0.113.7' })
  @IsIP()
  ip_address: string;

  @ApiPropertyOptional({
    enum: ['Y', 'N', 'U'],
    description: 'EMV threeDSCompInd, when the 3DS Method ran before this call',
  })
  @Omittable()
  @IsIn(['Y', 'N', 'U'])
  three_ds_method_completion?: 'Y' | 'N' | 'U';
}

@ApiSchema({ name: 'EphemeralKey' })
export class EphemeralKeyDto {
  @ApiProperty({ example: 'EC' })
  @IsString()
  kty: string;

  @ApiProperty({ example: 'P-256' })
  @IsString()
  crv: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @Length(1, 100)
  x: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @Length(1, 100)
  y: string;
}

/** EMV 3DS SDK data for the app channel. */
@ApiSchema({ name: 'AppChannel' })
export class AppChannelDto {
  @ApiProperty({ enum: ['app'] })
  @IsIn(['app'])
  channel: 'app';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sdk_app_id: string;

  @ApiProperty({ description: 'Minutes', minimum: 5, example: 5 })
  @IsInt()
  @Min(5)
  sdk_max_timeout: number;

  @ApiProperty({ type: EphemeralKeyDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EphemeralKeyDto)
  sdk_ephem_pub_key: EphemeralKeyDto;

  @ApiProperty({ maxLength: 32 })
  @IsString()
  @Length(1, 32)
  sdk_reference_number: string;

  @ApiProperty({ description: "The 3DS SDK's device data (JWE)", maxLength: 64_000 })
  @IsString()
  @Length(1, 64_000)
  sdk_encrypted_data: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sdk_transaction_id: string;

  @ApiProperty({ enum: ['native', 'html', 'both'] })
  @IsIn(['native', 'html', 'both'])
  sdk_interface_type: 'native' | 'html' | 'both';

  @ApiProperty({
    type: [String],
    enum: ['text', 'single_select', 'multi_select', 'oob', 'html_other'],
    minItems: 1,
  })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(['text', 'single_select', 'multi_select', 'oob', 'html_other'], { each: true })
  sdk_ui_elements: string[];
}

/** The `request_type` values for 3RI (EMV threeRIInd). */
export const MERCHANT_INITIATED_REQUEST_TYPES = [
  'recurring_transaction',
  'installment_transaction',
  'add_card',
  'maintain_card_information',
  'account_verification',
  'split_or_delayed_shipment',
  'top_up',
  'mail_order',
  'telephone_order',
  'whitelist_status_check',
  'other_payment',
];

/** 3RI: the merchant authenticates without the cardholder; only the reason goes. */
@ApiSchema({ name: 'MerchantInitiatedChannel' })
export class MerchantInitiatedChannelDto {
  @ApiProperty({ enum: ['merchant_initiated'] })
  @IsIn(['merchant_initiated'])
  channel: 'merchant_initiated';

  @ApiProperty({ enum: MERCHANT_INITIATED_REQUEST_TYPES, example: 'recurring_transaction' })
  @IsIn(MERCHANT_INITIATED_REQUEST_TYPES)
  request_type: string;
}

export type ChannelDataDto = BrowserChannelDto | AppChannelDto | MerchantInitiatedChannelDto;

export const CHANNEL_DATA_DISCRIMINATOR = {
  property: 'channel',
  subTypes: [
    { name: 'browser', value: BrowserChannelDto },
    { name: 'app', value: AppChannelDto },
    { name: 'merchant_initiated', value: MerchantInitiatedChannelDto },
  ],
};

/** Body of POST /v1/authentications/{id}/channel-data. */
@ApiSchema({ name: 'SubmitChannelDataRequest' })
export class SubmitChannelDataRequestDto {
  @IsDefined()
  @IsOneOfSubTypes(CHANNEL_DATA_DISCRIMINATOR)
  @ValidateNested()
  @Type(() => Object, {
    discriminator: CHANNEL_DATA_DISCRIMINATOR,
    keepDiscriminatorProperty: true,
  })
  @ApiProperty(oneOfSubTypes(CHANNEL_DATA_DISCRIMINATOR))
  channel_data: ChannelDataDto;
}

/** Body of POST /v1/authentications/{id}/issuer-fingerprint (EMV threeDSCompInd). */
@ApiSchema({ name: 'IssuerFingerprintRequest' })
export class IssuerFingerprintRequestDto {
  @ApiProperty({
    enum: ['Y', 'N', 'U'],
    description:
      "Y: the notification arrived; U: none within 10 s (the provider's documented default " +
      'when no response comes), or no method_url; N: the Method failed',
    example: 'Y',
  })
  @IsIn(['Y', 'N', 'U'])
  completion: 'Y' | 'N' | 'U';
}
