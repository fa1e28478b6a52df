import {
  AUTHENTICATION_STATES,
  GUIDANCE,
  OUTCOMES,
  type AuthenticationState,
  type Guidance,
  type Outcome,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { nullableString } from '../../openapi/schemas.js';
import { DataQualityDto } from './data-quality.response.dto.js';
import { NEXT_ACTION_MODELS } from './next-action.response.dto.js';
import { ExemptionDecisionDto } from './exemption-decision.response.dto.js';
import { RoutingDecisionDto } from './routing-decision.response.dto.js';
import { SOURCE_TYPES } from './source.request.dto.js';

@ApiSchema({ name: 'CardSummary' })
export class CardSummaryDto {
  @ApiPropertyOptional({ description: 'First 6 digits (card and network token sources)' })
  bin?: string;

  @ApiPropertyOptional({ example: '4242' })
  last4?: string;

  @ApiProperty(nullableString('visa'))
  scheme: string | null;
}

/** An authentication as the API shows it: no card number, no cryptogram. */
@ApiSchema({ name: 'Authentication' })
export class AuthenticationResponseDto {
  @ApiProperty({ example: 'auth_4ldi6vdq5cb2nbk3xakyl5n2xe' })
  id: string;

  @ApiProperty({ example: 'ORD-5023-4E89' })
  reference: string;

  @ApiProperty({ enum: AUTHENTICATION_STATES, description: 'Where the flow is' })
  state: AuthenticationState;

  @ApiProperty({ enum: OUTCOMES, nullable: true, description: 'What was established' })
  outcome: Outcome | null;

  @ApiProperty({ enum: GUIDANCE, nullable: true, description: 'What to do with the outcome' })
  guidance: Guidance | null;

  @ApiProperty({
    description: 'What the caller must do next; null when nothing',
    nullable: true,
    oneOf: NEXT_ACTION_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  })
  next_action: object | null;

  @ApiProperty({ enum: ['browser', 'app', 'merchant_initiated'] })
  channel: 'browser' | 'app' | 'merchant_initiated';

  @ApiProperty({ type: 'integer', nullable: true, description: 'Minor units', example: 1999 })
  amount: number | null;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ enum: SOURCE_TYPES })
  source_type: string;

  @ApiProperty({ type: CardSummaryDto })
  card: CardSummaryDto;

  @ApiProperty(nullableString('sid_y3oqhf46pyzuxjbcn2giaqnb44'))
  checkout_session_id: string | null;

  @ApiProperty({ type: ExemptionDecisionDto, nullable: true })
  exemption_decision: ExemptionDecisionDto | null;

  @ApiProperty({
    type: RoutingDecisionDto,
    nullable: true,
    description:
      'How its provider was chosen (docs/routing.md); null on authentications from before routing',
  })
  routing: RoutingDecisionDto | null;

  @ApiProperty({ type: DataQualityDto, nullable: true })
  data_quality: DataQualityDto | null;
  @ApiProperty({
    ...nullableString('auth_3kqz6vdq5cb2nbk3xakyl5n2ab'),
    description: 'The authentication this one stepped up after a soft decline (docs/step-up.md)',
  })
  stepped_up_from: string | null;

  @ApiProperty({
    ...nullableString('auth_7pwx2mzq5cb2nbk3xakyl5n2cd'),
    description: "This one's step-up, once the team asked for one",
  })
  stepped_up_to: string | null;

  @ApiProperty(nullableString('2.2.0'))
  protocol_version: string | null;

  @ApiProperty({ ...nullableString('Y'), description: "The provider's raw transStatus" })
  response_code: string | null;

  @ApiProperty(nullableString())
  response_status_reason: string | null;

  @ApiProperty(nullableString())
  status_reason: string | null;

  @ApiProperty({ ...nullableString(), description: 'Why it ended without a result' })
  failure_reason: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time' })
  updated_at: string;
}

@ApiSchema({ name: 'CreatedAuthentication' })
export class CreatedAuthenticationResponseDto extends AuthenticationResponseDto {
  @ApiPropertyOptional({
    description: "App channel only, for the provider's mobile SDK: in this answer, never stored",
  })
  checkout_session_secret?: string;
}

@ApiSchema({ name: 'AuthenticationList' })
export class AuthenticationListResponseDto {
  @ApiProperty({ type: [AuthenticationResponseDto] })
  data: AuthenticationResponseDto[];

  @ApiProperty({ ...nullableString(), description: 'Pass as `cursor` for the next page' })
  next_cursor: string | null;
}

/** One entry of the timeline: an input, a transition, or both. */
@ApiSchema({ name: 'AuthenticationEvent' })
export class AuthenticationEventDto {
  @ApiProperty({ type: 'integer' })
  id: number;

  @ApiProperty({ example: 'challenge_notification_received' })
  event: string;

  @ApiProperty({ enum: AUTHENTICATION_STATES, nullable: true })
  from_state: AuthenticationState | null;

  @ApiProperty({ enum: AUTHENTICATION_STATES, nullable: true })
  to_state: AuthenticationState | null;

  @ApiProperty({ example: 'challenge_notification', description: 'Where the input came from' })
  source: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  detail: Record<string, unknown> | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

@ApiSchema({ name: 'AuthenticationEventList' })
export class AuthenticationEventsResponseDto {
  @ApiProperty({ type: [AuthenticationEventDto] })
  data: AuthenticationEventDto[];
}
