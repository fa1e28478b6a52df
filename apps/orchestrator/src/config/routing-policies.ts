import {
  PROVIDER_NAMES,
  routingPolicyProblems,
  type ProviderName,
  type RoutingPolicy,
} from '@app/domain';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import {
  loadTeamPolicies,
  PaymentConditionsSetting,
  type TeamPolicies,
} from './team-policy-files.js';

class BinRangeSetting {
  @IsString() from: string;
  @IsString() to: string;
}

class RoutingConditionsSetting extends PaymentConditionsSetting {
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BinRangeSetting)
  bin_ranges?: BinRangeSetting[];
}

class SplitShareSetting {
  @IsString() provider: string;
  @IsInt() percent: number;
}

class ProviderChoiceSetting {
  @IsArray() @IsString({ each: true }) providers: string[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SplitShareSetting)
  split?: SplitShareSetting[];
}

class RoutingRuleSetting extends ProviderChoiceSetting {
  @IsString() name: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => RoutingConditionsSetting)
  when: RoutingConditionsSetting;
}

class RoutingPolicySetting {
  @IsString() @IsNotEmpty() version: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleSetting)
  rules: RoutingRuleSetting[];

  @IsDefined()
  @ValidateNested()
  @Type(() => ProviderChoiceSetting)
  otherwise: ProviderChoiceSetting;
}

/** The teams' routing policies, and what is wrong with the settings that name them. */
export type RoutingPolicies = TeamPolicies<RoutingPolicy>;

/**
 * Reads ROUTING_POLICIES and ROUTING_POLICY_FILE (a JSON object: policy name → policy,
 * docs/routing.md). Shapes are checked here, meaning by `routingPolicyProblems` against the
 * providers the service has adapters for; problems name the setting and the path, never a value.
 */
export function loadRoutingPolicies(env: {
  readonly ROUTING_POLICIES?: string;
  readonly ROUTING_POLICY_FILE?: string;
}): RoutingPolicies {
  return loadTeamPolicies(
    {
      listSetting: 'ROUTING_POLICIES',
      fileSetting: 'ROUTING_POLICY_FILE',
      settingClass: RoutingPolicySetting,
      // The shape is checked; the names are checked against PROVIDER_NAMES by problemsOf.
      policyOf: (setting) => setting as unknown as RoutingPolicy<ProviderName>,
      problemsOf: (policy) => routingPolicyProblems(policy, PROVIDER_NAMES),
    },
    env.ROUTING_POLICIES,
    env.ROUTING_POLICY_FILE,
  );
}
