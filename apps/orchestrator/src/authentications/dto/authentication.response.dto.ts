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
import { ExemptionDecisionDto } from './exemption-decision.response.dto.js';
import { SOURCE_TYPES } from './source.request.dto.js';

/** EMV 3DS Method: post `three_ds_method_data` as `threeDSMethodData` from a hidden iframe. */
@ApiSchema({ name: 'ThreeDsMethodAction' })
export class ThreeDsMethodActionDto {
  @ApiProperty({ enum: ['three_ds_method'] })
  type: 'three_ds_method';

  @ApiProperty({ example: 'https://acs.example.com/3ds-method' })
  method_url: string;

  @ApiProperty({ description: 'Base64url JSON naming our 3DS Server transaction' })
  three_ds_method_data: string;

  @ApiProperty({ example: 'https://orchestrator.example.com/notifications/3ds-method/auth_…' })
  notification_url: string;

  @ApiProperty({ description: 'Report N/U when no notification came in this time', example: 10 })
  timeout_seconds: number;
}

@ApiSchema({ name: 'CollectChannelDataAction' })
export class CollectChannelDataActionDto {
  @ApiProperty({ enum: ['collect_channel_data'] })
  type: 'collect_channel_data';

  @ApiProperty({ enum: ['browser', 'merchant_initiated'] })
  channel: 'browser' | 'merchant_initiated';
}

/**
 * What a 3DS SDK needs to produce its device data (EMV createTransaction, then the
 * AuthenticationRequestParameters sent as `channel_data`).
 */
@ApiSchema({ name: 'AppCollectChannelDataAction' })
export class AppCollectChannelDataActionDto {
  @ApiProperty({ enum: ['collect_channel_data'] })
  type: 'collect_channel_data';

  @ApiProperty({ enum: ['app'] })
  channel: 'app';

  @ApiProperty({
    ...nullableString('A000000003'),
    description: "The SDK's directoryServerID: the DS's RID",
  })
  ds_id: string | null;

  @ApiProperty({ description: 'The messageVersion the SDK must use', example: '2.2.0' })
  protocol_version: string;

  @ApiProperty({
    ...nullableString(),
    description: 'DS public key (base64url JWK) to encrypt the device data',
  })
  ds_public_key: string | null;

  @ApiProperty({
    ...nullableString(),
    description: 'DS-CA root certificate (base64url DER X.509) to verify the ACS signed content',
  })
  ca_public: string | null;

  @ApiProperty({
    type: [String],
    nullable: true,
    description:
      "Every DS-CA root (base64url DER X.509) the ACS signed content may chain to (Checkout's " +
      '`certificates.ca_public_all`); null when the provider gave none',
  })
  ca_public_all: string[] | null;

  @ApiProperty({ description: 'EMV threeDSServerTransID' })
  three_ds_server_transaction_id: string;
}

/** Post `creq` to `acs_url` in an iframe sized by the challenge window. */
@ApiSchema({ name: 'BrowserChallengeAction' })
export class BrowserChallengeActionDto {
  @ApiProperty({ enum: ['challenge'] })
  type: 'challenge';

  @ApiProperty({ enum: ['browser'] })
  channel: 'browser';

  @ApiProperty({ example: 'https://acs.example.com/challenge' })
  acs_url: string;

  @ApiProperty({ description: 'The EMV CReq, base64url' })
  creq: string;
}

/** Hand these to the 3DS SDK's challenge call. */
@ApiSchema({ name: 'AppChallengeAction' })
export class AppChallengeActionDto {
  @ApiProperty({ enum: ['challenge'] })
  type: 'challenge';

  @ApiProperty({ enum: ['app'] })
  channel: 'app';

  @ApiProperty()
  acs_transaction_id: string;

  @ApiProperty()
  acs_reference_number: string;

  @ApiProperty({ description: 'JWS from the ACS; its payload names the ACS URL' })
  acs_signed_content: string;

  @ApiProperty({ description: 'EMV threeDSServerTransID' })
  three_ds_server_transaction_id: string;

  @ApiProperty({ description: 'EMV messageVersion', example: '2.2.0' })
  protocol_version: string;
}

/** 3DS1: post `PaReq`, `TermUrl` and `MD` to `acs_url` (full-page redirect). */
@ApiSchema({ name: 'RedirectAction' })
export class RedirectActionDto {
  @ApiProperty({ enum: ['redirect'] })
  type: 'redirect';

  @ApiProperty()
  acs_url: string;

  @ApiProperty()
  pareq: string;

  @ApiProperty()
  term_url: string;

  @ApiProperty()
  md: string;
}

/** Hosted: send the cardholder's browser to the provider's page (a full-page GET). */
@ApiSchema({ name: 'RedirectCardholderAction' })
export class RedirectCardholderActionDto {
  @ApiProperty({ enum: ['redirect_cardholder'] })
  type: 'redirect_cardholder';

  @ApiProperty({ example: 'https://3ds2-sandbox.ckotech.co/interceptor/sid_…' })
  redirect_url: string;
}

export const NEXT_ACTION_MODELS = [
  ThreeDsMethodActionDto,
  CollectChannelDataActionDto,
  AppCollectChannelDataActionDto,
  BrowserChallengeActionDto,
  AppChallengeActionDto,
  RedirectActionDto,
  RedirectCardholderActionDto,
];

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
