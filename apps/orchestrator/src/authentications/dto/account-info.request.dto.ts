import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsRFC3339, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalNested } from './nested-object.js';
import { Omittable } from '../../http/omittable.js';

/** The four "how long ago" steps EMV 3DS uses for account ages and changes. */
const AGES = [
  'this_transaction',
  'less_than_thirty_days',
  'thirty_to_sixty_days',
  'more_than_sixty_days',
];
const ACCOUNT_AGES = [
  'no_account',
  'created_during_transaction',
  'less_than_thirty_days',
  'thirty_to_sixty_days',
  'more_than_sixty_days',
];
const AUTHENTICATION_METHODS = [
  'no_authentication',
  'own_credentials',
  'federated_id',
  'issuer_credentials',
  'third_party_authentication',
  'fido',
];
/** EMV threeDSReqAuthMethod, in the session request's words (its own spelling of `three3ds_…`). */
const REQUESTOR_AUTHENTICATION_METHODS = [
  'no_threeds_requestor_authentication_occurred',
  'three3ds_requestor_own_credentials',
  'federated_id',
  'issuer_credentials',
  'third_party_authentication',
  'fido_authenticator',
  'fido_authenticator_fido_assurance_data_signed',
  'src_assurance_data',
];
/** RFC 3339 date-time, with its offset (`format: date-time`). */
const DATE_TIME = { format: 'date-time', example: '2024-03-01T09:30:00Z' } as const;

/** How the merchant authenticated the cardholder (EMV threeDSRequestorAuthenticationInfo). */
@ApiSchema({ name: 'RequestorAuthenticationInfo' })
export class RequestorAuthenticationInfoDto {
  @ApiPropertyOptional({ enum: REQUESTOR_AUTHENTICATION_METHODS })
  @Omittable()
  @IsIn(REQUESTOR_AUTHENTICATION_METHODS)
  three_ds_req_auth_method?: string;

  @ApiPropertyOptional(DATE_TIME)
  @Omittable()
  @IsRFC3339()
  three_ds_req_auth_timestamp?: string;

  @ApiPropertyOptional({ maxLength: 20_000 })
  @Omittable()
  @IsString()
  @MaxLength(20_000)
  three_ds_req_auth_data?: string;
}

/** `account_info` (EMV cardholder account information): the cardholder's account with the merchant. */
@ApiSchema({ name: 'AccountInfo' })
export class AccountInfoDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 9999, description: 'Last 6 months' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(9999)
  purchase_count?: number;

  @ApiPropertyOptional({ enum: ACCOUNT_AGES })
  @Omittable()
  @IsIn(ACCOUNT_AGES)
  account_age?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 999, description: 'Last 24 hours' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(999)
  add_card_attempts?: number;

  @ApiPropertyOptional({ enum: AGES })
  @Omittable()
  @IsIn(AGES)
  shipping_address_age?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  account_name_matches_shipping_name?: boolean;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  suspicious_account_activity?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 999, description: 'Last 24 hours' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(999)
  transactions_today?: number;

  @ApiPropertyOptional({
    enum: AUTHENTICATION_METHODS,
    deprecated: true,
    description: 'Deprecated for `three_ds_requestor_authentication_info`',
  })
  @Omittable()
  @IsIn(AUTHENTICATION_METHODS)
  authentication_method?: string;

  @ApiPropertyOptional({ enum: ['no_account', ...AGES] })
  @Omittable()
  @IsIn(['no_account', ...AGES])
  cardholder_account_age_indicator?: string;

  @ApiPropertyOptional(DATE_TIME)
  @Omittable()
  @IsRFC3339()
  account_change?: string;

  @ApiPropertyOptional({ enum: AGES })
  @Omittable()
  @IsIn(AGES)
  account_change_indicator?: string;

  @ApiPropertyOptional(DATE_TIME)
  @Omittable()
  @IsRFC3339()
  account_date?: string;

  @ApiPropertyOptional(DATE_TIME)
  @Omittable()
  @IsRFC3339()
  account_password_change?: string;

  @ApiPropertyOptional({ enum: ['no_change', ...AGES] })
  @Omittable()
  @IsIn(['no_change', ...AGES])
  account_password_change_indicator?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 999,
    description: 'Previous year; 999 for 1,000 or more',
  })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(999)
  transactions_per_year?: number;

  @ApiPropertyOptional(DATE_TIME)
  @Omittable()
  @IsRFC3339()
  payment_account_age?: string;

  @ApiPropertyOptional(DATE_TIME)
  @Omittable()
  @IsRFC3339()
  shipping_address_usage?: string;

  @ApiPropertyOptional({ enum: ['not_applicable', 'credit', 'debit'] })
  @Omittable()
  @IsIn(['not_applicable', 'credit', 'debit'])
  account_type?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @Omittable()
  @IsString()
  @MaxLength(64)
  account_id?: string;

  @OptionalNested(() => RequestorAuthenticationInfoDto)
  three_ds_requestor_authentication_info?: RequestorAuthenticationInfoDto;
}
