import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO4217CurrencyCode } from 'class-validator';

/**
 * An ISO 4217 currency code, made upper case (as ISO 4217 writes it) where the request is parsed.
 * The rule itself takes any letter case (it upper-cases before it looks), so without this `eur`
 * would be stored, compared and sent to Checkout as sent; with it every comparison is exact.
 */
export const CurrencyCode = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.toUpperCase() : value,
    ),
    IsISO4217CurrencyCode(),
  );
