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
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { nullableString } from '../../openapi/schemas.js';
import {
  AUTHENTICATION_CLAIM_RELEASED,
  AUTHENTICATION_CLAIMED,
  AUTHENTICATION_COMPLETED,
} from '../event-types.js';

const TIMESTAMP = {
  format: 'date-time',
  description: 'When the event was written; the same on every delivery attempt',
} as const;

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

@ApiSchema({ name: 'AuthenticationCompletedEvent' })
export class AuthenticationCompletedEventDto {
  @ApiProperty({ enum: [AUTHENTICATION_COMPLETED] })
  type: typeof AUTHENTICATION_COMPLETED;

  @ApiProperty(TIMESTAMP)
  timestamp: string;

  @ApiProperty({ type: AuthenticationCompletedDataDto })
  data: AuthenticationCompletedDataDto;
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

@ApiSchema({ name: 'AuthenticationClaimedEvent' })
export class AuthenticationClaimedEventDto {
  @ApiProperty({ enum: [AUTHENTICATION_CLAIMED] })
  type: typeof AUTHENTICATION_CLAIMED;

  @ApiProperty(TIMESTAMP)
  timestamp: string;

  @ApiProperty({ type: ClaimEventDataDto, description: '`claim.status` is `active`' })
  data: ClaimEventDataDto;
}

@ApiSchema({ name: 'AuthenticationClaimReleasedEvent' })
export class AuthenticationClaimReleasedEventDto {
  @ApiProperty({ enum: [AUTHENTICATION_CLAIM_RELEASED] })
  type: typeof AUTHENTICATION_CLAIM_RELEASED;

  @ApiProperty(TIMESTAMP)
  timestamp: string;

  @ApiProperty({ type: ClaimEventDataDto, description: '`claim.status` is `released`' })
  data: ClaimEventDataDto;
}
