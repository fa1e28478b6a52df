import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { Omittable } from '../../http/omittable.js';

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
