import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { nameOf } from './input-screening.js';

/**
 * Whitelisted, strict validation for every API body: unknown fields (a `cvv`, a `state`) are
 * refused. Details name fields and rules, never values, so no card data is echoed.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'The request body is invalid', details: flatten(errors) }),
  });
}

/**
 * Field paths and rule names only. An unknown field is named only when its name could not be
 * data (a body whose key is a card number must not have it echoed, nor stored with the answer).
 */
function flatten(errors: ValidationError[], prefix = ''): { field: string; rules: string[] }[] {
  return errors.flatMap((error) => {
    const field = nameOf(prefix ? `${prefix}.${error.property}` : error.property) ?? '';
    const own = error.constraints ? [{ field, rules: Object.keys(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
