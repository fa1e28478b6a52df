import { STEP_UP_CHALLENGE_INDICATOR } from '@app/domain';
import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { CurrencyCode } from '../../http/currency-code.js';
import { Omittable } from '../../http/omittable.js';
import { CREATE_EXAMPLE } from './create-authentication.examples.js';
import { CreateAuthenticationRequestDto } from './create-authentication.request.dto.js';

/**
 * Body of POST /v1/authentications/{id}/step-up (docs/step-up.md): the create's body, the card
 * resent (we keep no card number), with the amount, currency and reference defaulting to the
 * original's, a cardholder channel only, and no indicator but the mandated challenge.
 */
@ApiSchema({ name: 'StepUpRequest' })
export class StepUpRequestDto extends OmitType(CreateAuthenticationRequestDto, [
  'amount',
  'currency',
  'reference',
  'channel',
  'challenge_indicator',
] as const) {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: "Minor units, at most the original's; unset: the original's",
    example: 6540,
  })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount?: number;

  @ApiPropertyOptional({
    description: "ISO 4217, the original's (the only one allowed); unset: the original's",
    example: 'EUR',
  })
  @Omittable()
  @CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({
    description: "Your order reference; unset: the original's",
    maxLength: 100,
    example: 'ORD-5023-4E89',
  })
  @Omittable()
  @IsString()
  @Length(1, 100)
  reference?: string;

  @ApiProperty({
    enum: ['browser', 'app'],
    description: 'A challenge needs the cardholder: `merchant_initiated` cannot step up',
  })
  @IsIn(['browser', 'app'])
  channel: 'browser' | 'app';

  @ApiPropertyOptional({
    enum: [STEP_UP_CHALLENGE_INDICATOR],
    description: 'Always sent as `challenge_requested_mandate`; another value is refused',
  })
  @Omittable()
  @IsIn([STEP_UP_CHALLENGE_INDICATOR])
  challenge_indicator?: string;
}

/** The card of CREATE_EXAMPLE again: the step-up of that frictionless authentication. */
export const STEP_UP_EXAMPLES = {
  browser: {
    summary: 'The same card, browser data with the request: the answer is the challenge',
    value: {
      source: CREATE_EXAMPLE.source,
      channel: 'browser',
      channel_data: CREATE_EXAMPLE.channel_data,
    },
  },
  lower_amount: {
    summary: 'A lower amount, browser data later through `POST …/channel-data`',
    value: { source: CREATE_EXAMPLE.source, channel: 'browser', amount: 5000, currency: 'EUR' },
  },
};
