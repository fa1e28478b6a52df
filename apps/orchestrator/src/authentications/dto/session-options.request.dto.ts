import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Omittable } from '../../http/omittable.js';

/** `billing_descriptor`: the merchant name the challenge window shows. */
@ApiSchema({ name: 'BillingDescriptor' })
export class BillingDescriptorDto {
  @ApiPropertyOptional({
    description:
      'Letters, digits, spaces and `. ! * - = _` (the special characters the provider allows)',
    maxLength: 25,
    pattern: '^[\\p{L}\\p{N} .!*=_-]{1,25}$',
    example: 'SUPERHEROES.COM',
  })
  @Omittable()
  @Matches(/^[\p{L}\p{N} .!*=_-]{1,25}$/u, {
    message: 'must be 1–25 letters, digits, spaces or . ! * - = _',
  })
  name?: string;
}

/** `marketplace`: a payment facilitator's sub-entity. */
@ApiSchema({ name: 'Marketplace' })
export class MarketplaceDto {
  @ApiPropertyOptional({ pattern: '^ent_\\w{26}$', example: 'ent_rgyzti4x74xubmu72m6r3pvksa' })
  @Omittable()
  @Matches(/^ent_\w{26}$/, { message: 'must be an entity id (ent_…)' })
  sub_entity_id?: string;
}

/** `optimization`: opt in to the provider tuning the request for acceptance. */
@ApiSchema({ name: 'Optimization' })
export class OptimizationDto {
  @ApiPropertyOptional({ enum: ['acceptance_rates'] })
  @Omittable()
  @IsIn(['acceptance_rates'])
  framework?: string;
}

/** `device_information`: the device, as the provider's risk script saw it. */
@ApiSchema({ name: 'DeviceInformation' })
export class DeviceInformationDto {
  @ApiPropertyOptional({ description: 'Your id for the device', maxLength: 255 })
  @Omittable()
  @IsString()
  // The provider documents no limit: this one keeps the value a plausible identifier.
  @Length(1, 255)
  device_id?: string;

  @ApiPropertyOptional({
    description: 'The device session id from Risk.js',
    pattern: '^dsid_\\w{26}$',
    example: 'dsid_ipsmclhxwq72phhr32iwfvrflm',
  })
  @Omittable()
  @Matches(/^dsid_\w{26}$/, { message: 'must be a Risk.js id (dsid_…)' })
  device_session_id?: string;
}
