import {
  type ArgumentMetadata,
  HttpException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { paramOf, type PathSegment } from './input-screening.js';
import { messagesFor, rulesOf } from './validation-messages.js';
import { type FieldError, invalidInput } from './validation-details.js';
import { memoizeValidationRules } from './validation-rules-memo.js';

/**
 * Whitelisted, strict validation for every API body: unknown fields (a `cvv`, a `state`) are
 * refused. Details name each field as a JSON path and say in words what it must be, never its
 * value, so no card data is echoed.
 */
export function validationPipe(): ValidationPipe {
  memoizeValidationRules();
  return new RefusingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target (the DTO instance, card number included) is needed: it tells which DTO a field
    // belongs to (its rules' words), whether an array holds the field (an index in the path) and
    // whether the field was left out ("is required"). fieldErrors keeps only param and words, so
    // the instance never leaves the exception factory; the value is never kept at all.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => invalidInput('The request body is invalid', fieldErrors(errors)),
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
      throw invalidInput('The request body is invalid', [
        { param: paramOf([]), message: 'is not of the shape this route takes' },
      ]);
    }
  }
}

/**
 * One entry per broken field. An unknown field is named only when its name could not be data
 * (a body whose key is a card number must not have it echoed, nor stored with the answer).
 */
function fieldErrors(errors: ValidationError[], prefix: readonly PathSegment[] = []): FieldError[] {
  return errors.flatMap((error) => {
    const target = error.target as object | undefined;
    // A plain object: a discriminator named no sub-type, which the rule on its parent reports.
    if (target?.constructor === Object) return [];
    const index = Array.isArray(target) && /^\d+$/.test(error.property);
    const path = [...prefix, index ? Number(error.property) : error.property];
    const own = error.constraints
      ? messagesFor(
          target ? rulesOf(target.constructor, error.property) : [],
          Object.keys(error.constraints),
          (target as Record<string, unknown> | undefined)?.[error.property] === undefined,
        ).map((message) => ({ param: paramOf(path), message }))
      : [];
    return [...own, ...fieldErrors(error.children ?? [], path)];
  });
}
