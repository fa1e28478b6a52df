import { ValidateIf } from 'class-validator';

/**
 * An optional request field: it may be left out, but a `null` is validated like any other value
 * (and so refused by the field's own rules), where class-validator's `@IsOptional` would skip it
 * and let it reach Checkout, which refuses it only after the authentication was recorded.
 */
export const Omittable = (): PropertyDecorator =>
  ValidateIf((_object, value: unknown) => value !== undefined);
