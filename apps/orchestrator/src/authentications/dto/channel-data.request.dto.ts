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

/** EMV 3DS browser data, as Checkout's `channel_data` (FACTS §5.5) names it. */
export class BrowserChannelDto {
  @IsIn(['browser'])
  channel: 'browser';

  @IsString()
  @Length(1, 2048)
  accept_header: string;

  @IsBoolean()
  java_enabled: boolean;

  @IsBoolean()
  javascript_enabled: boolean;

  @IsString()
  @Length(1, 12)
  language: string;

  @IsNumberString()
  @Length(1, 2)
  color_depth: string;

  @IsNumberString()
  @Length(1, 6)
  screen_height: string;

  @IsNumberString()
  @Length(1, 6)
  screen_width: string;

  /** UTC minus local time, in minutes (JavaScript `getTimezoneOffset()`). */
  @IsString()
  @Length(1, 5)
  timezone: string;

  @IsString()
  @Length(1, 2048)
  user_agent: string;

  @IsIP()
  ip_address: string;

  @Omittable()
  @IsIn(['Y', 'N', 'U'])
  three_ds_method_completion?: 'Y' | 'N' | 'U';
}

export class EphemeralKeyDto {
  @IsString()
  kty: string;

  @IsString()
  crv: string;

  @IsString()
  @Length(1, 100)
  x: string;

  @IsString()
  @Length(1, 100)
  y: string;
}

/** EMV 3DS SDK data for the app channel. */
export class AppChannelDto {
  @IsIn(['app'])
  channel: 'app';

  @IsUUID()
  sdk_app_id: string;

  @IsInt()
  @Min(5)
  sdk_max_timeout: number;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EphemeralKeyDto)
  sdk_ephem_pub_key: EphemeralKeyDto;

  @IsString()
  @Length(1, 32)
  sdk_reference_number: string;

  @IsString()
  @Length(1, 64_000)
  sdk_encrypted_data: string;

  @IsUUID()
  sdk_transaction_id: string;

  @IsIn(['native', 'html', 'both'])
  sdk_interface_type: 'native' | 'html' | 'both';

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(['text', 'single_select', 'multi_select', 'oob', 'html_other'], { each: true })
  sdk_ui_elements: string[];
}

export type ChannelDataDto = BrowserChannelDto | AppChannelDto;

export const CHANNEL_DATA_DISCRIMINATOR = {
  property: 'channel',
  subTypes: [
    { name: 'browser', value: BrowserChannelDto },
    { name: 'app', value: AppChannelDto },
  ],
};

/** Body of POST /v1/authentications/{id}/channel-data. */
export class SubmitChannelDataRequestDto {
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => Object, {
    discriminator: CHANNEL_DATA_DISCRIMINATOR,
    keepDiscriminatorProperty: true,
  })
  channel_data: ChannelDataDto;
}

/** Body of POST /v1/authentications/{id}/issuer-fingerprint (EMV threeDSCompInd). */
export class IssuerFingerprintRequestDto {
  @IsIn(['Y', 'N', 'U'])
  completion: 'Y' | 'N' | 'U';
}
