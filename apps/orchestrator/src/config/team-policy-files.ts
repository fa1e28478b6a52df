import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { EnvironmentProblem } from '@app/common';
import { CARD_SCHEMES, PROVIDER_CHANNELS } from '@app/domain';
import { plainToInstance } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Min,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { teamEntries } from './team-settings.js';

const TEAM_POLICY = '[a-z0-9_-]+:[A-Za-z0-9_.-]+';
/** `team:policy` entries, comma-separated (`team-a:default,team-b:cautious`). */
export const TEAM_POLICY_LIST = new RegExp(`^${TEAM_POLICY}(,${TEAM_POLICY})*$`);

/** The payment conditions exemption and routing rules share (docs/exemption-policy.md). */
export class PaymentConditionsSetting {
  @IsOptional() @IsArray() @Matches(/^[A-Z]{3}$/, { each: true }) currencies?: string[];
  @IsOptional() @IsInt() @Min(0) min_amount?: number;
  @IsOptional() @IsInt() @Min(0) max_amount?: number;
  @IsOptional() @IsArray() @IsIn(PROVIDER_CHANNELS, { each: true }) channels?: string[];
  @IsOptional() @IsArray() @IsIn(CARD_SCHEMES, { each: true }) schemes?: string[];
}

/**
 * A kind of per-team policy: a `team:policy` list setting naming policies of a JSON file
 * (policy name → policy), each checked for shape by `settingClass` and for meaning by
 * `problemsOf` (paths in the policy, never values).
 */
export interface TeamPolicyKind<S extends object, P> {
  readonly listSetting: string;
  readonly fileSetting: string;
  readonly settingClass: new () => S;
  readonly policyOf: (setting: S) => P;
  readonly problemsOf?: (policy: P) => readonly { path: string; reason: string }[];
  /** Policies the service defines itself, whose names the file may not take. */
  readonly builtIn?: ReadonlyMap<string, P>;
}

/** The teams' policies of one kind, and what is wrong with the settings that name them. */
export interface TeamPolicies<P> {
  readonly byTeam: ReadonlyMap<string, P>;
  readonly problems: readonly EnvironmentProblem[];
}

/** Reads the list and the file of one kind; problems name the setting and the path, never a value. */
export function loadTeamPolicies<S extends object, P>(
  kind: TeamPolicyKind<S, P>,
  list: string | undefined,
  file: string | undefined,
): TeamPolicies<P> {
  const problems: EnvironmentProblem[] = [];
  const named = new Map<string, P>(kind.builtIn ?? []);
  if (file) {
    for (const [name, policy] of readPolicyFile(kind, file, problems)) {
      if (kind.builtIn?.has(name)) {
        problems.push({
          setting: kind.fileSetting,
          reason: `${name}: is the service's own policy's name`,
        });
      } else named.set(name, policy);
    }
  }
  const byTeam = new Map<string, P>();
  for (const [team, name] of teamEntries(list)) {
    const policy = named.get(name);
    if (byTeam.has(team)) {
      problems.push({ setting: kind.listSetting, reason: `team ${team} is listed more than once` });
    } else if (!policy) {
      problems.push({ setting: kind.listSetting, reason: `policy ${name} is not defined` });
    } else byTeam.set(team, policy);
  }
  return { byTeam, problems };
}

function readPolicyFile<S extends object, P>(
  kind: TeamPolicyKind<S, P>,
  path: string,
  problems: EnvironmentProblem[],
): Map<string, P> {
  const fileProblem = (reason: string) => problems.push({ setting: kind.fileSetting, reason });
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fileProblem(`cannot be read as JSON (${(error as Error).name})`);
    return new Map();
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    fileProblem('must be a JSON object of policy name → policy');
    return new Map();
  }
  const policies = new Map<string, P>();
  for (const [name, raw] of Object.entries(document)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fileProblem(`${name}: must be a policy object`);
      continue;
    }
    const setting = plainToInstance(kind.settingClass, raw);
    const errors = validateSync(setting, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      flatten(errors, name).forEach(fileProblem);
      continue;
    }
    const policy = kind.policyOf(setting);
    const meaning = kind.problemsOf?.(policy) ?? [];
    meaning.forEach((problem) => fileProblem(`${name}.${problem.path}: ${problem.reason}`));
    if (meaning.length === 0) policies.set(name, policy);
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
