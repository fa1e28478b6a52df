import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** EMV transStatus values a 3DS SDK's challenge can end with. */
export const SDK_TRANS_STATUSES = ['Y', 'N', 'A', 'R', 'U', 'I'] as const;

/**
 * What the app's 3DS SDK reported when its challenge ended (EMV CompletionEvent). Only a hint:
 * the result is read from the provider.
 */
export class AppChallengeResultRequestDto {
  @ApiProperty({
    enum: SDK_TRANS_STATUSES,
    description: "The SDK's CompletionEvent transStatus",
    example: 'Y',
  })
  @IsIn(SDK_TRANS_STATUSES)
  trans_status: (typeof SDK_TRANS_STATUSES)[number];

  @ApiPropertyOptional({
    description: "The SDK's transaction id (EMV sdkTransID)",
    example: 'b2385523-a66c-4907-ac3c-91848e8c0067',
  })
  @IsOptional()
  @IsUUID()
  sdk_transaction_id?: string;
}
