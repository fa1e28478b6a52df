import {
  type ArgumentMetadata,
  BadRequestException,
  HttpException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { nameOf } from './input-screening.js';

/**
 * Whitelisted, strict validation for every API body: unknown fields (a `cvv`, a `state`) are
 * refused. Details name fields and rules, never values, so no card data is echoed.
 */
export function validationPipe(): ValidationPipe {
  return new RefusingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'The request body is invalid', details: flatten(errors) }),
  });
}

/**
 * class-transformer can throw on shapes no DTO expects (an array where a discriminated object
 * goes, say): that is the caller's input, so it is a 400 like any other invalid body.
 */
class RefusingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      throw new BadRequestException({ message: 'The request body is invalid', details: [] });
    }
  }
}

/**
 * Field paths and rule names only. An unknown field is named only when its name could not be
 * data (a body whose key is a card number must not have it echoed, nor stored with the answer).
 */
function flatten(
  errors: ValidationError[],
  prefix: readonly string[] = [],
): { field: string; rules: string[] }[] {
  return errors.flatMap((error) => {
    const path = [...prefix, error.property];
    const own = error.constraints
      ? [{ field: nameOf(path) ?? '', rules: Object.keys(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
