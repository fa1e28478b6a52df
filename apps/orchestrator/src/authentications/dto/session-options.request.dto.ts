import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Omittable } from '../../http/omittable.js';

/** Checkout's `SessionsBillingDescriptor`: the merchant name the challenge window shows. */
export class BillingDescriptorDto {
  @ApiPropertyOptional({
    description:
      'Letters, digits, spaces and `. ! * - = _` (the special characters Checkout allows)',
    maxLength: 25,
    pattern: '^[\\p{L}\\p{N} .!*=_-]{1,25}$',
    example: 'SUPERHEROES.COM',
  })
  @Omittable()
  @Matches(/^[\p{L}\p{N} .!*=_-]{1,25}$/u, {
    message: 'name must be 1–25 letters, digits, spaces or . ! * - = _',
  })
  name?: string;
}

/** Checkout's `SessionMarketplaceData`: a payment facilitator's sub-entity. */
export class MarketplaceDto {
  @ApiPropertyOptional({ pattern: '^ent_\\w{26}$', example: 'ent_rgyzti4x74xubmu72m6r3pvksa' })
  @Omittable()
  @Matches(/^ent_\w{26}$/, { message: 'sub_entity_id must be a Checkout entity id (ent_…)' })
  sub_entity_id?: string;
}

/** Checkout's `Optimization`: opt in to Checkout tuning the request for acceptance. */
export class OptimizationDto {
  @ApiPropertyOptional({ enum: ['acceptance_rates'] })
  @Omittable()
  @IsIn(['acceptance_rates'])
  framework?: string;
}

/** Checkout's `device_information`: the device, as Checkout's Risk.js saw it. */
export class DeviceInformationDto {
  @ApiPropertyOptional({ description: 'Your id for the device', maxLength: 255 })
  @Omittable()
  @IsString()
  // Checkout documents no limit: this one keeps the value a plausible identifier.
  @Length(1, 255)
  device_id?: string;

  @ApiPropertyOptional({
    description: 'The device session id from Risk.js',
    pattern: '^dsid_\\w{26}$',
    example: 'dsid_ipsmclhxwq72phhr32iwfvrflm',
  })
  @Omittable()
  @Matches(/^dsid_\w{26}$/, { message: 'device_session_id must be a Risk.js id (dsid_…)' })
  device_session_id?: string;
}
