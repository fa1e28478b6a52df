import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, registerDecorator, ValidateNested } from 'class-validator';
import { Omittable } from '../../http/omittable.js';
import type { Discriminator } from '../../openapi/schemas.js';

/**
 * An optional object validated field by field against its own DTO: unknown fields in it are
 * refused like at the top level, and `null` (for it or any field in it) is refused too.
 * @IsObject refuses an array, whose items @ValidateNested would otherwise check one by one.
 */
export const OptionalNested = (type: () => Class<unknown>, description?: string) =>
  applyDecorators(
    // Written out so that Swagger sees a lazy type: it recognises one by its name, `type`.
    ApiPropertyOptional({ type: () => type(), ...(description ? { description } : {}) }),
    Omittable(),
    IsObject(),
    ValidateNested(),
    Type(type),
  );

/**
 * On a property validated through a class-transformer discriminator: an object whose
 * discriminator names no sub-type is refused here, in words. (class-transformer leaves it a
 * plain object, whose fields the validation pipe then does not report one by one.)
 */
export function IsOneOfSubTypes(discriminator: Discriminator): PropertyDecorator {
  const names = discriminator.subTypes.map(({ name }) => name);
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isOneOfSubTypes',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: {
        message: `must be an object whose ${discriminator.property} is one of: ${names.join(', ')}`,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          names.includes((value as Record<string, unknown>)[discriminator.property] as string),
      },
    });
}
