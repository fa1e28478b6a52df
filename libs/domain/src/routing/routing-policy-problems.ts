import {
  BIN_DIGITS,
  SPLIT_BUCKETS,
  type BinRange,
  type ProviderChoice,
  type RoutingPolicy,
} from './routing-policy.js';

/**
 * What is wrong at one place of a policy: `path` as the policy file spells it
 * (`rules.2.split.0.provider`, like the exemption policy file's), `reason` never quoting a value.
 */
export interface RoutingPolicyProblem {
  readonly path: string;
  readonly reason: string;
}

const DIGITS = new RegExp(`^[0-9]{1,${BIN_DIGITS}}$`);

/**
 * What makes a policy of the right shape unusable: the meaning its types cannot hold. `known`:
 * the providers the service has adapters for. None: the policy routes every create somewhere.
 */
export function routingPolicyProblems(
  policy: RoutingPolicy<string>,
  known: readonly string[],
): RoutingPolicyProblem[] {
  const problems: RoutingPolicyProblem[] = [];
  if (policy.version.trim() === '') problems.push({ path: 'version', reason: 'must not be empty' });
  const names = new Set<string>();
  policy.rules.forEach((rule, index) => {
    const path = `rules.${index}`;
    const nameProblem =
      rule.name.trim() === ''
        ? 'must not be empty'
        : rule.name === 'otherwise'
          ? 'otherwise is the name of the policy’s own last choice'
          : names.has(rule.name)
            ? 'is the name of an earlier rule: rule names must be unique'
            : undefined;
    if (nameProblem) problems.push({ path: `${path}.name`, reason: nameProblem });
    names.add(rule.name);
    const { min_amount, max_amount, bin_ranges } = rule.when;
    if (min_amount !== undefined && max_amount !== undefined && min_amount > max_amount) {
      problems.push({ path: `${path}.when`, reason: 'min_amount is above max_amount' });
    }
    bin_ranges?.forEach((range, at) => {
      const reason = binRangeProblem(range);
      if (reason) problems.push({ path: `${path}.when.bin_ranges.${at}`, reason });
    });
    problems.push(...choiceProblems(rule, path, known));
  });
  problems.push(...choiceProblems(policy.otherwise, 'otherwise', known));
  return problems;
}

function binRangeProblem({ from, to }: BinRange): string | undefined {
  if (!DIGITS.test(from) || !DIGITS.test(to)) {
    return `from and to must be 1 to ${BIN_DIGITS} digits`;
  }
  if (from.length !== to.length) return 'from and to must have as many digits';
  return from > to ? 'from is above to' : undefined;
}

function choiceProblems(
  choice: ProviderChoice<string>,
  path: string,
  known: readonly string[],
): RoutingPolicyProblem[] {
  const problems: RoutingPolicyProblem[] = [];
  if (choice.providers.length === 0) {
    problems.push({ path: `${path}.providers`, reason: 'must name at least one provider' });
  }
  choice.providers.forEach((provider, at) => {
    const reason = !known.includes(provider)
      ? `must be one of: ${known.join(', ')}`
      : choice.providers.indexOf(provider) < at
        ? 'is listed earlier: a provider is tried once'
        : undefined;
    if (reason) problems.push({ path: `${path}.providers.${at}`, reason });
  });
  const split = choice.split;
  if (!split) return problems;
  split.forEach((share, at) => {
    const here = `${path}.split.${at}`;
    if (!choice.providers.includes(share.provider)) {
      problems.push({ path: `${here}.provider`, reason: 'must be one of the providers beside it' });
    } else if (split.findIndex((one) => one.provider === share.provider) < at) {
      problems.push({ path: `${here}.provider`, reason: 'has an earlier share' });
    }
    if (!Number.isInteger(share.percent) || share.percent < 0 || share.percent > 100) {
      problems.push({ path: `${here}.percent`, reason: 'must be a whole number from 0 to 100' });
    }
  });
  const total = split.reduce((sum, share) => sum + share.percent, 0);
  if (total !== SPLIT_BUCKETS) {
    problems.push({ path: `${path}.split`, reason: 'the percents must add up to 100' });
  }
  return problems;
}
