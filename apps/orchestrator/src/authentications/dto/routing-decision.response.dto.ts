import { PROVIDER_NEEDS } from '@app/domain';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** A provider the routing passed over, and why. */
@ApiSchema({ name: 'SkippedProvider' })
export class SkippedProviderDto {
  @ApiProperty({ example: 'adyen' })
  provider: string;

  @ApiProperty({ enum: ['breaker_open', 'cannot_serve'] })
  because: 'breaker_open' | 'cannot_serve';

  @ApiProperty({
    enum: PROVIDER_NEEDS,
    isArray: true,
    required: false,
    description: 'With `cannot_serve`: what the create needs that the provider lacks',
  })
  unmet_needs?: string[];
}

/** How the provider of an authentication was chosen, once, at create (docs/routing.md). */
@ApiSchema({ name: 'RoutingDecision' })
export class RoutingDecisionDto {
  @ApiProperty({ description: 'The provider that runs its session (a THREEDS_PROVIDER name)' })
  provider: string;

  @ApiProperty({
    enum: ['rule', 'otherwise', 'default'],
    description:
      "`rule` or `otherwise`: the team's routing policy; `default`: no policy, THREEDS_PROVIDER",
  })
  decided_by: 'rule' | 'otherwise' | 'default';

  @ApiProperty({ example: 'visa_eu_browser', description: 'The rule, `otherwise` or `default`' })
  rule: string;

  @ApiProperty({ type: String, nullable: true, example: 'routing-4' })
  policy_version: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 42,
    description: 'The split bucket (0–99) when a split chose the primary',
  })
  split_bucket: number | null;

  @ApiProperty({ description: 'The primary could not be used: a fallback runs it' })
  fallback_used: boolean;

  @ApiProperty({ type: SkippedProviderDto, isArray: true })
  skipped: SkippedProviderDto[];
}
