import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { API_ERROR_CODES, ERROR_CATALOGUE, type ApiErrorCode } from '../http/error-catalogue.js';

/** One refused field (docs/errors.md#details). */
@ApiSchema({ name: 'FieldError' })
export class FieldErrorDto {
  @ApiProperty({
    description:
      'JSON path of the field: names joined by dots, array indices in brackets (`items[2].amount`); ' +
      'a header or query parameter by its name; `(unknown field)` for a name that could be data',
    example: 'channel_data.screen_width',
  })
  param: string;

  @ApiProperty({
    description: 'What is wrong, in words; never the value sent',
    example: 'must be a string of digits of 1 to 6 characters',
  })
  message: string;
}

@ApiSchema({ name: 'ApiError' })
export class ApiErrorDto {
  @ApiProperty({ enum: API_ERROR_CODES, example: 'AUTHENTICATION_NOT_FOUND' })
  code: ApiErrorCode;

  @ApiProperty({ example: 'No such authentication' })
  message: string;

  @ApiProperty({
    description:
      'Always an object. Refusals that name fields (`VALIDATION_FAILED`, `INVALID_CHARACTERS`, ' +
      '`CARD_DATA_NOT_ALLOWED`, `INITIAL_SESSION_NOT_FOUND`) list them in `errors`; other codes ' +
      'carry their own keys (e.g. `authentication_id`, `retry_after_seconds`, Checkout ' +
      '`error_codes`), or none. Never a value from the request.',
    type: 'object',
    properties: { errors: { type: 'array', items: { $ref: getSchemaPath(FieldErrorDto) } } },
    additionalProperties: true,
  })
  details: { errors?: FieldErrorDto[]; [key: string]: unknown };

  @ApiProperty({
    description: 'Also in the `X-Request-Id` header; quote it when asking about a failure',
    example: '6f1c2f0e-4a4b-4bd4-9a57-3f1f1c0f2b6e',
  })
  request_id: string;
}

/** Every error answer: `{"error": {code, message, details, request_id}}`. */
@ApiSchema({ name: 'ErrorResponse' })
export class ErrorResponseDto {
  @ApiProperty({ type: ApiErrorDto })
  error: ApiErrorDto;
}

/**
 * Refusals any route can answer: input screening, URL decoding, rate limits, our own bugs, and
 * our database being away (every documented route reads or writes it).
 */
const ANY_ROUTE: readonly ApiErrorCode[] = [
  'INVALID_CHARACTERS',
  'CARD_DATA_NOT_ALLOWED',
  'MALFORMED_URL',
  'URI_TOO_LONG',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
  'DATABASE_UNAVAILABLE',
];

/** Routes that read a JSON body. */
export const BODY_ERRORS: readonly ApiErrorCode[] = [
  'VALIDATION_FAILED',
  'MALFORMED_BODY',
  'BODY_TOO_DEEP',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
];

/**
 * The error answers of a route, from the catalogue: one response per status listing its codes,
 * with an example each. Codes every route can answer are added here.
 */
export function ApiErrors(...codes: readonly ApiErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number | '4XX', ApiErrorCode[]>();
  for (const code of new Set([...codes, ...ANY_ROUTE])) {
    const { status } = ERROR_CATALOGUE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, sameStatus]) =>
      ApiResponse({
        status,
        description: sameStatus.map((code) => `\`${code}\`: ${meaningOf(code)}`).join('<br>'),
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorResponseDto) },
            examples: Object.fromEntries(sameStatus.map((code) => [code, exampleOf(code)])),
          },
        },
      }),
    ),
  );
}

const meaningOf = (code: ApiErrorCode): string => ERROR_CATALOGUE[code].meaning;

/** What a refusal naming a field looks like; any other code's example has empty details. */
const FIELD_EXAMPLE = {
  errors: [
    {
      param: 'channel_data.screen_width',
      message: 'must be a string of digits of 1 to 6 characters',
    },
  ],
};

function exampleOf(code: ApiErrorCode) {
  const details = code === 'VALIDATION_FAILED' ? FIELD_EXAMPLE : {};
  return {
    summary: meaningOf(code),
    value: { error: { code, message: meaningOf(code), details, request_id: 'req-0001-example' } },
  };
}
