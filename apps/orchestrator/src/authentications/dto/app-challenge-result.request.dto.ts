import { SDK_CHALLENGE_EVENTS, type SdkChallengeEvent } from '../../flow/signals.js';
import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';

/** EMV transStatus values a 3DS SDK's challenge can end with. */
export const SDK_TRANS_STATUSES = ['Y', 'N', 'A', 'R', 'U', 'I'] as const;

/**
 * What the app's 3DS SDK reported when its challenge ended: which ChallengeStatusReceiver
 * callback fired (EMV 3DS SDK spec: completed, cancelled, timedout, protocolError,
 * runtimeError) and, for `completed`, the CompletionEvent's transStatus. Only a hint: the result
 * is read from the provider, whatever the SDK said.
 */
@ApiSchema({ name: 'AppChallengeResultRequest' })
export class AppChallengeResultRequestDto {
  @ApiPropertyOptional({
    enum: SDK_CHALLENGE_EVENTS,
    default: 'completed',
    description:
      'The ChallengeStatusReceiver callback: `completed`, `cancelled` (the cardholder cancelled), ' +
      '`timed_out` (timedout), `protocol_error`, `runtime_error`. Every one makes us re-read the ' +
      'session; none is a result by itself',
    example: 'completed',
  })
  @IsOptional()
  @IsIn(SDK_CHALLENGE_EVENTS)
  event?: SdkChallengeEvent;

  @ApiPropertyOptional({
    enum: SDK_TRANS_STATUSES,
    description: "The SDK's CompletionEvent transStatus; required when `event` is `completed`",
    example: 'Y',
  })
  @ValidateIf((body: AppChallengeResultRequestDto) => (body.event ?? 'completed') === 'completed')
  @IsIn(SDK_TRANS_STATUSES)
  trans_status?: (typeof SDK_TRANS_STATUSES)[number];

  @ApiPropertyOptional({
    description: "The SDK's transaction id (EMV sdkTransID)",
    example: 'b2385523-a66c-4907-ac3c-91848e8c0067',
  })
  @IsOptional()
  @IsUUID()
  sdk_transaction_id?: string;
}
