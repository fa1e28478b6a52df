import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from '../../http/omittable.js';

/** `yyyyMMdd`, as `recurring.expiry` and `installment.expiry` take it. */
const DAY = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
/** EMV recurringFrequency: at most 4 digits. */
const MAX_DAYS_BETWEEN_PAYMENTS = 9999;
const INITIAL_AUTHENTICATION_METHODS = [
  'frictionless_authentication',
  'challenge_occurred',
  'avs_verified',
  'other_issuer_methods',
];

/** `recurring`: read only when `authentication_type` is `recurring`. */
@ApiSchema({ name: 'Recurring' })
export class RecurringDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 9999, default: 1, example: 28 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS_BETWEEN_PAYMENTS)
  days_between_payments?: number;

  @ApiPropertyOptional({
    description: 'No authorisations after this day (yyyyMMdd)',
    pattern: '^\\d{8}$',
    default: '99991231',
    example: '20271231',
  })
  @Omittable()
  @Matches(DAY, { message: 'must be a day as yyyyMMdd' })
  expiry?: string;
}

/** `installment`: read only when `authentication_type` is `installment`. */
@ApiSchema({ name: 'Installment' })
export class InstallmentDto extends RecurringDto {
  @ApiProperty({ type: 'integer', minimum: 2, maximum: 999, example: 3 })
  @IsInt()
  @Min(2)
  @Max(999)
  number_of_payments: number;
}

/**
 * `initial_transaction`: the cardholder-initiated authentication a later one relies
 * on (EMV threeDSRequestorPriorAuthenticationInfo).
 */
@ApiSchema({ name: 'InitialTransaction' })
export class InitialTransactionDto {
  @ApiPropertyOptional({
    description: "The ACS's transaction id (EMV acsTransID)",
    format: 'uuid',
    example: 'ce30d2f6-7140-4385-b543-cddb5dacfe11',
  })
  @Omittable()
  // EMV: RFC 4122 canonical form, any version (36 characters, as the provider requires).
  @Matches(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i, {
    message: 'must be a UUID',
  })
  acs_transaction_id?: string;

  @ApiPropertyOptional({ enum: INITIAL_AUTHENTICATION_METHODS })
  @Omittable()
  @IsIn(INITIAL_AUTHENTICATION_METHODS)
  authentication_method?: string;

  @ApiPropertyOptional({ description: 'ISO 8601', example: '2024-02-06T15:00:00.000Z' })
  @Omittable()
  @IsISO8601({ strict: true })
  authentication_timestamp?: string;

  @ApiPropertyOptional({ maxLength: 2048 })
  @Omittable()
  @IsString()
  @MaxLength(2048)
  authentication_data?: string;

  @ApiPropertyOptional({
    description:
      "The earlier provider session's id: one of this team's authentications (422 `INITIAL_SESSION_NOT_FOUND` otherwise)",
    pattern: '^sid_\\w{26}$',
    example: 'sid_p6prbhogijnuxgv4grm3ber55u',
  })
  @Omittable()
  @Matches(/^sid_\w{26}$/, { message: 'must be a session id (sid_…)' })
  initial_session_id?: string;
}
