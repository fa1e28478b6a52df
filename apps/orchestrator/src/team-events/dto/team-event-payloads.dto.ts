import {
  AUTHENTICATION_STATES,
  CLAIM_PSPS,
  CLAIM_STATUSES,
  GUIDANCE,
  OUTCOMES,
  RELEASE_REASONS,
  type AuthenticationState,
  type ClaimPsp,
  type ClaimStatus,
  type Guidance,
  type Outcome,
  type ReleaseReason,
} from '@app/domain';
import type { Type } from '@nestjs/common';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { nullableString } from '../../openapi/schemas.js';
import {
  AUTHENTICATION_CLAIM_RELEASED,
  AUTHENTICATION_CLAIMED,
  AUTHENTICATION_COMPLETED,
  type TeamEventType,
} from '../event-types.js';

// These repeat fields of the authentication and claim views on purpose: team-events/ may not
// import authentications/ (docs/design.md#rooms).
const AUTHENTICATION_ID = { example: 'auth_4ldi6vdq5cb2nbk3xakyl5n2xe' } as const;
const REFERENCE = { example: 'ORD-5023-4E89' } as const;

/** What `authentication.completed` says: never the cryptogram (read it through GET …/result). */
@ApiSchema({ name: 'AuthenticationCompletedData' })
export class AuthenticationCompletedDataDto {
  @ApiProperty(AUTHENTICATION_ID)
  authentication_id: string;

  @ApiProperty(REFERENCE)
  reference: string;

  @ApiProperty({ enum: AUTHENTICATION_STATES })
  state: AuthenticationState;

  @ApiProperty({ enum: OUTCOMES, nullable: true })
  outcome: Outcome | null;

  @ApiProperty({ enum: GUIDANCE, nullable: true, description: 'What to do with the outcome' })
  guidance: Guidance | null;

  @ApiProperty({ ...nullableString(), description: 'Why it ended without a result' })
  failure_reason: string | null;

  @ApiProperty(nullableString('sid_y3oqhf46pyzuxjbcn2giaqnb44'))
  checkout_session_id: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Minor units', example: 1999 })
  amount: number | null;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ enum: ['browser', 'app', 'merchant_initiated'] })
  channel: 'browser' | 'app' | 'merchant_initiated';

  @ApiProperty({
    ...nullableString('auth_3kqz6vdq5cb2nbk3xakyl5n2ab'),
    description: 'The authentication this one stepped up after a soft decline',
  })
  stepped_up_from: string | null;

  @ApiProperty(nullableString('visa'))
  scheme: string | null;

  @ApiProperty(nullableString('2.2.0'))
  protocol_version: string | null;

  @ApiProperty({ ...nullableString('Y'), description: 'EMV transStatus' })
  trans_status: string | null;

  @ApiProperty({ ...nullableString(), description: 'EMV transStatusReason' })
  trans_status_reason: string | null;

  @ApiProperty(nullableString('05'))
  eci: string | null;

  @ApiProperty(nullableString())
  ds_transaction_id: string | null;

  @ApiProperty(nullableString())
  three_ds_server_transaction_id: string | null;

  @ApiProperty(nullableString())
  acs_transaction_id: string | null;
}

/** The claim an event is about: which payment, never the result itself. */
@ApiSchema({ name: 'ClaimSummary' })
export class ClaimSummaryDto {
  @ApiProperty({ example: 'clm_7xq2nd4kbm3aroq5kfy2c6ushe' })
  id: string;

  @ApiProperty({ example: 'PAY-5023-4E89-1' })
  payment_reference: string;

  @ApiProperty({ enum: CLAIM_PSPS })
  psp: ClaimPsp;

  @ApiProperty({ type: 'integer', example: 1999 })
  amount: number;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ enum: CLAIM_STATUSES })
  status: ClaimStatus;

  @ApiProperty({ enum: RELEASE_REASONS, nullable: true, type: 'string' })
  release_reason: ReleaseReason | null;
}

@ApiSchema({ name: 'ClaimEventData' })
export class ClaimEventDataDto {
  @ApiProperty(AUTHENTICATION_ID)
  authentication_id: string;

  @ApiProperty(REFERENCE)
  reference: string;

  @ApiProperty({ type: ClaimSummaryDto })
  claim: ClaimSummaryDto;
}

/** `{type, timestamp, data}`, the body of every event: `type` names its webhook. */
function eventBody<T extends TeamEventType, D>(type: T, data: Type<D>) {
  class EventBody {
    @ApiProperty({ enum: [type] })
    type: T;

    @ApiProperty({
      format: 'date-time',
      description: 'When the event was written; the same on every delivery attempt',
    })
    timestamp: string;

    @ApiProperty({ type: data })
    data: D;
  }
  return EventBody;
}

@ApiSchema({ name: 'AuthenticationCompletedEvent' })
export class AuthenticationCompletedEventDto extends eventBody(
  AUTHENTICATION_COMPLETED,
  AuthenticationCompletedDataDto,
) {}

@ApiSchema({ name: 'AuthenticationClaimedEvent', description: '`data.claim.status` is `active`' })
export class AuthenticationClaimedEventDto extends eventBody(
  AUTHENTICATION_CLAIMED,
  ClaimEventDataDto,
) {}

@ApiSchema({
  name: 'AuthenticationClaimReleasedEvent',
  description: '`data.claim.status` is `released`, with its `release_reason`',
})
export class AuthenticationClaimReleasedEventDto extends eventBody(
  AUTHENTICATION_CLAIM_RELEASED,
  ClaimEventDataDto,
) {}
