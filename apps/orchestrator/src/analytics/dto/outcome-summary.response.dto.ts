import { FAILED_OUTCOMES, PROVIDER_CHANNELS } from '@app/domain';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { SCHEMES } from '../../metrics/metric-labels.js';
import { nullableString } from '../../openapi/schemas.js';

/** A share, with what it was counted from. */
@ApiSchema({ name: 'Rate' })
export class RateDto {
  @ApiProperty({
    type: 'number',
    nullable: true,
    minimum: 0,
    maximum: 1,
    example: 0.75,
    description: '`numerator / denominator`; null when the denominator is 0',
  })
  rate: number | null;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3 })
  numerator: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 4 })
  denominator: number;
}

@ApiSchema({ name: 'OutcomeCounts' })
export class OutcomeCountsDto {
  @ApiProperty({ type: 'integer', description: 'Authentications created in the window' })
  total: number;

  @ApiProperty({ type: 'integer', description: 'Of those, the ones whose outcome is known' })
  finished: number;

  @ApiProperty({ type: 'integer', description: 'Finished with a result and no challenge' })
  frictionless: number;

  @ApiProperty({
    type: 'integer',
    description: 'Finished after a challenge (3DS2) or a redirect to the issuer (3DS1)',
  })
  challenged: number;

  @ApiProperty({ type: 'integer', description: 'Finished `authenticated` or `attempted`' })
  succeeded: number;

  @ApiProperty({ type: 'integer', description: `Finished ${FAILED_OUTCOMES.join(', ')}` })
  failed: number;

  @ApiProperty({
    type: 'integer',
    description: 'Challenged and never answered: `abandoned`, or `expired` during the challenge',
  })
  abandoned: number;
}

@ApiSchema({ name: 'OutcomeRates' })
export class OutcomeRatesDto {
  @ApiProperty({ type: RateDto, description: 'frictionless / (frictionless + challenged)' })
  frictionless: RateDto;

  @ApiProperty({ type: RateDto, description: 'challenged / (frictionless + challenged)' })
  challenge: RateDto;

  @ApiProperty({ type: RateDto, description: 'succeeded / finished' })
  success: RateDto;

  @ApiProperty({ type: RateDto, description: 'abandoned / challenged' })
  abandonment: RateDto;
}

/** One combination of the provider's codes and the service's words behind failed outcomes. */
@ApiSchema({ name: 'FailureReasonCount' })
export class FailureReasonCountDto {
  @ApiProperty({ enum: FAILED_OUTCOMES })
  outcome: string;

  @ApiProperty({ ...nullableString('N'), description: 'The EMV transStatus (`N`, `R`, `U`)' })
  response_code: string | null;

  @ApiProperty({ ...nullableString('01'), description: 'The EMV transStatusReason' })
  response_status_reason: string | null;

  @ApiProperty({ ...nullableString('rreq_status'), description: "Checkout's `status_reason`" })
  status_reason: string | null;

  @ApiProperty({
    ...nullableString('cardholder_cancel'),
    description: 'Why the ACS ended the challenge, for an abandoned one',
  })
  challenge_cancel_reason: string | null;

  @ApiProperty({
    ...nullableString('checkout_session_not_found'),
    description: 'Why the service ended it (outcome `error`), or the provider refused the create',
  })
  failure_reason: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, example: 2 })
  count: number;
}

@ApiSchema({ name: 'OutcomeTotals' })
export class OutcomeTotalsDto {
  @ApiProperty({ type: OutcomeCountsDto })
  counts: OutcomeCountsDto;

  @ApiProperty({ type: OutcomeRatesDto })
  rates: OutcomeRatesDto;
}

@ApiSchema({ name: 'OutcomeGroup' })
export class OutcomeGroupDto extends OutcomeTotalsDto {
  @ApiProperty({
    enum: [...SCHEMES, 'other', 'unknown'],
    description:
      "Checkout's scheme once a session named it, else the card's BIN range; `other` for the rest, " +
      '`unknown` for token and instrument sources (the labels of the metrics)',
  })
  scheme: string;

  @ApiProperty({ enum: PROVIDER_CHANNELS })
  channel: string;

  @ApiProperty({
    example: 'low_value',
    description:
      'The `challenge_indicator` sent (an exemption asked for, or a preference), or `none`',
  })
  exemption: string;

  @ApiProperty({
    type: 'boolean',
    nullable: true,
    description:
      'For an exemption asked for (low value, TRA, trusted listing) once the issuer answered: whether it applied it; else null',
  })
  exemption_applied: boolean | null;

  @ApiProperty({
    type: [FailureReasonCountDto],
    description: 'The 10 most frequent reasons behind failed outcomes, the most frequent first',
  })
  failure_reasons: FailureReasonCountDto[];
}

@ApiSchema({ name: 'OutcomeSummary' })
export class OutcomeSummaryResponseDto {
  @ApiProperty({ format: 'date-time', description: 'The window: created from (inclusive) …' })
  from: string;

  @ApiProperty({ format: 'date-time', description: '… to (exclusive)' })
  to: string;

  @ApiProperty({ type: OutcomeTotalsDto, description: 'Every group together' })
  totals: OutcomeTotalsDto;

  @ApiProperty({
    type: [OutcomeGroupDto],
    description:
      'One per scheme × channel × exemption × exemption_applied that has authentications, the largest first',
  })
  groups: OutcomeGroupDto[];
}
