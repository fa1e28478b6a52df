import { fieldErrorDetails, type FieldError } from '@app/domain';
import { BadRequestException } from '@nestjs/common';

export type { FieldError };

/**
 * 400 `VALIDATION_FAILED` naming each field the validation pipe refused (docs/errors.md). One
 * field refused anywhere else is the domain's `InvalidRequestError`, which answers the same body.
 */
export const invalidInput = (message: string, errors: readonly FieldError[]): BadRequestException =>
  new BadRequestException({ message, details: fieldErrorDetails(errors) });
