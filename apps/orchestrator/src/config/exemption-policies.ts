import { DEFAULT_EXEMPTION_POLICY, POLICY_INDICATORS, type ExemptionPolicy } from '@app/domain';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
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

export { TEAM_POLICY_LIST } from './team-policy-files.js';

/** `default`: the service's own policy; any other name is one of EXEMPTION_POLICY_FILE's. */
export const DEFAULT_POLICY_NAME = 'default';

class MerchantRiskCondition {
  @IsOptional() @IsBoolean() is_reorder?: boolean;
  @IsOptional() @IsBoolean() is_preorder?: boolean;
  @IsOptional() @IsBoolean() gift_card?: boolean;
  @IsOptional() @IsBoolean() suspicious_account_activity?: boolean;
}

class RuleConditionsSetting extends PaymentConditionsSetting {
  @IsOptional() @IsArray() @IsString({ each: true }) authentication_types?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => MerchantRiskCondition)
  merchant_risk?: MerchantRiskCondition;
}

class RuleSetting {
  @IsString() @IsNotEmpty() name: string;

  @ValidateNested()
  @Type(() => RuleConditionsSetting)
  when: RuleConditionsSetting;

  @IsIn(POLICY_INDICATORS) challenge_indicator: string;
}

class PolicySetting {
  @IsString() @IsNotEmpty() version: string;

  @IsArray()
  @ArrayUnique((rule: RuleSetting) => rule?.name, { message: 'rule names must be unique' })
  @ValidateNested({ each: true })
  @Type(() => RuleSetting)
  rules: RuleSetting[];

  @IsOptional() @IsIn(POLICY_INDICATORS) otherwise?: string;
}

/** The teams' exemption policies, and what is wrong with the settings that name them. */
export type ExemptionPolicies = TeamPolicies<ExemptionPolicy>;

/**
 * Reads EXEMPTION_POLICIES and EXEMPTION_POLICY_FILE (a JSON object: policy name → policy).
 * Problems name the setting and the path in the file, never a value.
 */
export function loadExemptionPolicies(env: {
  readonly EXEMPTION_POLICIES?: string;
  readonly EXEMPTION_POLICY_FILE?: string;
}): ExemptionPolicies {
  return loadTeamPolicies(
    {
      listSetting: 'EXEMPTION_POLICIES',
      fileSetting: 'EXEMPTION_POLICY_FILE',
      settingClass: PolicySetting,
      builtIn: new Map([[DEFAULT_POLICY_NAME, DEFAULT_EXEMPTION_POLICY]]),
      policyOf: (setting) => ({
        version: setting.version,
        rules: setting.rules as ExemptionPolicy['rules'],
        otherwise: (setting.otherwise ?? 'no_preference') as ExemptionPolicy['otherwise'],
      }),
    },
    env.EXEMPTION_POLICIES,
    env.EXEMPTION_POLICY_FILE,
  );
}
