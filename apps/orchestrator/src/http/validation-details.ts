import { fieldErrorDetails, type FieldError } from '@app/domain';
import { BadRequestException } from '@nestjs/common';

export type { FieldError };

/** 400 `VALIDATION_FAILED` naming each refused field (docs/errors.md). */
export const invalidInput = (message: string, errors: readonly FieldError[]): BadRequestException =>
  new BadRequestException({ message, details: fieldErrorDetails(errors) });
