import type { Type } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';

/** A class-transformer discriminator (`@Type(() => Object, { discriminator })`). */
export interface Discriminator {
  readonly property: string;
  readonly subTypes: readonly { readonly name: string; readonly value: Type<unknown> }[];
}

/**
 * The OpenAPI `oneOf` + `discriminator` for a property validated through a class-transformer
 * discriminator, so the document and the validation pick sub-types from the same table.
 */
export function oneOfSubTypes(discriminator: Discriminator) {
  return {
    oneOf: discriminator.subTypes.map(({ value }) => ({ $ref: getSchemaPath(value) })),
    discriminator: {
      propertyName: discriminator.property,
      mapping: Object.fromEntries(
        discriminator.subTypes.map(({ name, value }) => [name, getSchemaPath(value)]),
      ),
    },
  };
}

/** `@ApiProperty` options for a string that may be null. */
export const nullableString = (example?: string) =>
  ({ type: 'string', nullable: true, ...(example === undefined ? {} : { example }) }) as const;
