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

/** Body of POST /v1/authentications. Unknown fields (a `cvv`, say) are refused, not ignored. */
export class CreateAuthenticationRequestDto {
  // @ValidateNested skips undefined: without these a missing source would reach the service.
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => Object, { discriminator: SOURCE_DISCRIMINATOR, keepDiscriminatorProperty: true })
  source: SourceDto;

  /** Minor units (Checkout: "Format the amount value"); omit for a non-payment authentication. */
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount?: number;

  @IsISO4217CurrencyCode()
  currency: string;

  @IsIn(['browser', 'app'])
  channel: 'browser' | 'app';

  @IsString()
  @Length(1, 100)
  reference: string;

  @Omittable()
  @ValidateNested()
  @Type(() => Object, {
    discriminator: CHANNEL_DATA_DISCRIMINATOR,
    keepDiscriminatorProperty: true,
  })
  channel_data?: ChannelDataDto;

  @Omittable()
  @IsIn([
    'no_preference',
    'no_challenge_requested',
    'challenge_requested',
    'challenge_requested_mandate',
    'low_value',
    'trusted_listing',
    'trusted_listing_prompt',
    'transaction_risk_assessment',
    'data_share',
  ])
  challenge_indicator?: string;

  @Omittable()
  @IsIn(['regular', 'recurring', 'installment', 'maintain_card', 'add_card'])
  authentication_type?: string;

  @Omittable()
  @IsIn(['payment', 'non_payment'])
  authentication_category?: string;

  @Omittable()
  @IsIn([
    'goods_service',
    'check_acceptance',
    'account_funding',
    'quasi_card_transaction',
    'prepaid_activation_and_load',
  ])
  transaction_type?: string;

  @Omittable()
  @Matches(/^pc_\w{26}$/, { message: 'processing_channel_id must look like pc_…' })
  processing_channel_id?: string;

  /** Passed to Checkout as given (Checkout validates their content). */
  @Omittable()
  @IsObject()
  account_info?: Record<string, unknown>;

  @Omittable()
  @IsObject()
  merchant_risk_info?: Record<string, unknown>;

  @Omittable()
  @IsObject()
  shipping_address?: Record<string, unknown>;

  @Omittable()
  @IsObject()
  billing_descriptor?: Record<string, unknown>;

  @Omittable()
  @IsObject()
  recurring?: Record<string, unknown>;

  @Omittable()
  @IsObject()
  installment?: Record<string, unknown>;
}
