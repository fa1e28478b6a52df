import { readFileSync } from 'node:fs';
import type { EnvironmentProblem } from '@app/common';
import {
  CARD_SCHEMES,
  DEFAULT_EXEMPTION_POLICY,
  POLICY_INDICATORS,
  PROVIDER_CHANNELS,
  type ExemptionPolicy,
} from '@app/domain';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { teamEntries } from './team-settings.js';

/** `default`: the service's own policy; any other name is one of EXEMPTION_POLICY_FILE's. */
export const DEFAULT_POLICY_NAME = 'default';

const TEAM_POLICY = '[a-z0-9_-]+:[A-Za-z0-9_.-]+';
/** EXEMPTION_POLICIES: `team:policy` entries, comma-separated (`team-a:default,team-b:cautious`). */
export const TEAM_POLICY_LIST = new RegExp(`^${TEAM_POLICY}(,${TEAM_POLICY})*$`);

class MerchantRiskCondition {
  @IsOptional() @IsBoolean() is_reorder?: boolean;
  @IsOptional() @IsBoolean() is_preorder?: boolean;
  @IsOptional() @IsBoolean() gift_card?: boolean;
  @IsOptional() @IsBoolean() suspicious_account_activity?: boolean;
}

class RuleConditionsSetting {
  @IsOptional() @IsArray() @Matches(/^[A-Z]{3}$/, { each: true }) currencies?: string[];
  @IsOptional() @IsInt() @Min(0) min_amount?: number;
  @IsOptional() @IsInt() @Min(0) max_amount?: number;
  @IsOptional() @IsArray() @IsIn(PROVIDER_CHANNELS, { each: true }) channels?: string[];
  @IsOptional() @IsArray() @IsIn(CARD_SCHEMES, { each: true }) schemes?: string[];
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
export interface ExemptionPolicies {
  readonly byTeam: ReadonlyMap<string, ExemptionPolicy>;
  readonly problems: readonly EnvironmentProblem[];
}

/**
 * Reads EXEMPTION_POLICIES and EXEMPTION_POLICY_FILE (a JSON object: policy name → policy).
 * Problems name the setting and the path in the file, never a value.
 */
export function loadExemptionPolicies(env: {
  readonly EXEMPTION_POLICIES?: string;
  readonly EXEMPTION_POLICY_FILE?: string;
}): ExemptionPolicies {
  const problems: EnvironmentProblem[] = [];
  const named = new Map<string, ExemptionPolicy>([[DEFAULT_POLICY_NAME, DEFAULT_EXEMPTION_POLICY]]);
  if (env.EXEMPTION_POLICY_FILE) {
    for (const [name, policy] of readPolicyFile(env.EXEMPTION_POLICY_FILE, problems)) {
      if (name === DEFAULT_POLICY_NAME) {
        problems.push(fileProblem(`${name}: is the service's own policy's name`));
      } else named.set(name, policy);
    }
  }
  const byTeam = new Map<string, ExemptionPolicy>();
  for (const [team, name] of teamEntries(env.EXEMPTION_POLICIES)) {
    const policy = named.get(name);
    if (byTeam.has(team)) {
      problems.push({
        setting: 'EXEMPTION_POLICIES',
        reason: `team ${team} is listed more than once`,
      });
    } else if (!policy) {
      problems.push({ setting: 'EXEMPTION_POLICIES', reason: `policy ${name} is not defined` });
    } else byTeam.set(team, policy);
  }
  return { byTeam, problems };
}

const fileProblem = (reason: string): EnvironmentProblem => ({
  setting: 'EXEMPTION_POLICY_FILE',
  reason,
});

function readPolicyFile(
  path: string,
  problems: EnvironmentProblem[],
): Map<string, ExemptionPolicy> {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(fileProblem(`cannot be read as JSON (${(error as Error).name})`));
    return new Map();
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    problems.push(fileProblem('must be a JSON object of policy name → policy'));
    return new Map();
  }
  const policies = new Map<string, ExemptionPolicy>();
  for (const [name, raw] of Object.entries(document)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(fileProblem(`${name}: must be a policy object`));
      continue;
    }
    const setting = plainToInstance(PolicySetting, raw);
    const errors = validateSync(setting, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      problems.push(...flatten(errors, name).map(fileProblem));
      continue;
    }
    policies.set(name, {
      version: setting.version,
      rules: setting.rules as ExemptionPolicy['rules'],
      otherwise: (setting.otherwise ?? 'no_preference') as ExemptionPolicy['otherwise'],
    });
  }
  return policies;
}

/** `cautious.rules.0.when.currencies: each value …`: where in the file, and what is wrong. */
function flatten(errors: readonly ValidationError[], path: string): string[] {
  return errors.flatMap((error) => {
    const here = `${path}.${error.property}`;
    return [
      ...Object.values(error.constraints ?? {}).map((message) => `${here}: ${message}`),
      ...flatten(error.children ?? [], here),
    ];
  });
}
