import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { OptionalNested } from './nested-object.js';
import { Omittable } from '../../http/omittable.js';

/** `source.scheme`: the cardholder's choice on a co-badged card. */
export const CARDHOLDER_SCHEMES = ['amex', 'cartes_bancaires', 'diners', 'mastercard', 'visa'];

/** An address (the shipping address, and a source's billing address). */
@ApiSchema({ name: 'Address' })
export class AddressDto {
  @ApiPropertyOptional({ maxLength: 50, example: '14 Wells Mews' })
  @Omittable()
  @IsString()
  @MaxLength(50)
  address_line1?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @Omittable()
  @IsString()
  @MaxLength(50)
  address_line2?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @Omittable()
  @IsString()
  @MaxLength(50)
  address_line3?: string;

  @ApiPropertyOptional({ maxLength: 50, example: 'London' })
  @Omittable()
  @IsString()
  @MaxLength(50)
  city?: string;

  @ApiPropertyOptional({
    description: 'ISO 3166-2 subdivision code, 3 characters as the provider requires',
    minLength: 3,
    maxLength: 3,
    example: 'ENG',
  })
  @Omittable()
  @IsString()
  @Length(3, 3)
  state?: string;

  @ApiPropertyOptional({ maxLength: 16, example: 'W1T 4TJ' })
  @Omittable()
  @IsString()
  @MaxLength(16)
  zip?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', example: 'GB' })
  @Omittable()
  @IsISO31661Alpha2()
  country?: string;
}

/** A phone number: ITU-T E.164, the country calling code apart. */
@ApiSchema({ name: 'Phone' })
export class PhoneDto {
  @ApiProperty({ pattern: '^\\d{1,3}$', example: '44' })
  @Matches(/^\d{1,3}$/, { message: 'must be 1–3 digits' })
  country_code: string;

  @ApiProperty({ pattern: '^\\d{1,15}$', example: '2071838750' })
  @Matches(/^\d{1,15}$/, { message: 'must be 1–15 digits' })
  number: string;
}

/**
 * What every source type may carry besides its own fields: the
 * issuer's ACS weighs the cardholder's contact details in its risk analysis.
 */
export class CardholderDto {
  @ApiPropertyOptional({
    enum: CARDHOLDER_SCHEMES,
    description: "The cardholder's scheme choice on a co-badged card",
  })
  @Omittable()
  @IsIn(CARDHOLDER_SCHEMES)
  scheme?: string;

  @OptionalNested(() => AddressDto)
  billing_address?: AddressDto;

  @OptionalNested(() => PhoneDto)
  home_phone?: PhoneDto;

  @OptionalNested(() => PhoneDto)
  mobile_phone?: PhoneDto;

  @OptionalNested(() => PhoneDto)
  work_phone?: PhoneDto;

  @ApiPropertyOptional({ format: 'email', maxLength: 254, example: 'jane.doe@example.com' })
  @Omittable()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}
