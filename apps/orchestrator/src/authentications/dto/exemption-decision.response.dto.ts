import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** How the `challenge_indicator` sent to the provider was chosen (docs/exemption-policy.md). */
@ApiSchema({ name: 'ExemptionDecision' })
export class ExemptionDecisionDto {
  @ApiProperty({
    enum: ['request', 'policy', 'none'],
    description:
      "`request`: the create's own indicator (it always wins); `policy`: the team's exemption policy; `none`: neither, the provider's default",
  })
  decided_by: 'request' | 'policy' | 'none';

  @ApiPropertyOptional({ example: 'low_value', description: 'What was sent; absent with `none`' })
  challenge_indicator?: string;

  @ApiPropertyOptional({ example: 'default-2026-12', description: "The policy's version" })
  policy_version?: string;

  @ApiPropertyOptional({
    example: 'low_value',
    description: 'The rule that matched, or `otherwise`',
  })
  rule?: string;

  @ApiPropertyOptional({
    description:
      'Once the issuer answered, for an exemption asked for (low value, TRA, trusted listing): whether it was applied. False: refused, and the cardholder was authenticated as usual',
  })
  requested_exemption_applied?: boolean;
}
