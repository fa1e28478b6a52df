import { getMetadataStorage } from 'class-validator';

/** A DTO class, as class-validator keys its metadata. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator's own key type
export type DtoClass = Function;

/** The part of class-validator's metadata a message is written from. */
export interface RuleMetadata {
  readonly type: string;
  readonly name?: string;
  readonly propertyName: string;
  readonly constraints?: readonly unknown[];
  readonly message?: unknown;
  readonly each?: boolean;
}

/**
 * What a rule asks of a value, in words: `kind` says what the value is ("an integer"), `bound`
 * narrows it ("of 1 to 100 characters"). A property's message joins the phrases of all its rules,
 * so a caller learns the whole expectation at once, not only the first rule the value broke.
 */
type Phrase = { readonly kind: string } | { readonly bound: string };

const listed = (values: unknown): string => (values as readonly unknown[]).join(', ');
const lengthOf = (min: unknown, max: unknown): string =>
  max === undefined
    ? `of at least ${String(min)} characters`
    : min === max
      ? `of exactly ${String(min)} characters`
      : `of ${Number(min)} to ${Number(max)} characters`;

/**
 * Every rule the request DTOs use, keyed by the name class-validator reports it under. A rule
 * missing here (and carrying no message of its own) fails `validation-messages.spec.ts`.
 */
export const RULE_PHRASES: Readonly<Record<string, (constraints: readonly unknown[]) => Phrase>> = {
  isString: () => ({ kind: 'a string' }),
  isInt: () => ({ kind: 'an integer' }),
  isBoolean: () => ({ kind: 'true or false' }),
  isObject: () => ({ kind: 'an object' }),
  isArray: () => ({ kind: 'a list' }),
  isNumberString: () => ({ kind: 'a string of digits' }),
  isIn: ([values]) => ({ kind: `one of: ${listed(values)}` }),
  isEmail: () => ({ kind: 'an email address' }),
  isIp: () => ({ kind: 'an IPv4 or IPv6 address' }),
  isUuid: () => ({ kind: 'a UUID' }),
  isUrl: () => ({ kind: 'a URL' }),
  isISO4217CurrencyCode: () => ({ kind: 'an ISO 4217 currency code, such as EUR' }),
  isISO31661Alpha2: () => ({ kind: 'a two-letter ISO 3166-1 country code, such as GB' }),
  isRFC3339: () => ({ kind: 'an RFC 3339 date and time, such as 2025-02-14T09:30:00Z' }),
  isIso8601: () => ({ kind: 'an ISO 8601 date and time, such as 2025-02-14T09:30:00Z' }),
  matches: ([pattern]) => ({ kind: `text matching ${String(pattern)}` }),
  isLength: ([min, max]) => ({ bound: lengthOf(min, max) }),
  minLength: ([min]) => ({ bound: lengthOf(min, undefined) }),
  maxLength: ([max]) => ({ bound: `of at most ${String(max)} characters` }),
  min: ([min]) => ({ bound: `at least ${String(min)}` }),
  max: ([max]) => ({ bound: `at most ${String(max)}` }),
  arrayNotEmpty: () => ({ bound: 'with at least one item' }),
  nestedValidation: () => ({ kind: 'an object' }),
};

/** Rules that say nothing about the value's shape: when to validate, and nesting. */
const NOT_DESCRIBED = new Set(['conditionalValidation', 'isDefined']);

/** How class-validator names a rule in `ValidationError.constraints`. */
export const ruleNameOf = (rule: RuleMetadata): string => rule.name ?? rule.type;

/**
 * A message the DTO's author wrote for the rule, if any. Only value rules carry one: the string
 * on nesting metadata is class-validator's own ("nested property $property must be …").
 */
export const ownMessageOf = (rule: RuleMetadata): string | undefined =>
  rule.type === 'customValidation' && typeof rule.message === 'string' ? rule.message : undefined;

/** The rules on one property of a DTO class (inherited ones included), or on all of them. */
export function rulesOf(dto: DtoClass, property?: string): RuleMetadata[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .filter((rule) => property === undefined || rule.propertyName === property);
}

/**
 * The messages for a property whose `failed` rules (class-validator's names) broke: rules with
 * their own message say it; the rest are described together, from every rule on the property.
 */
export function messagesFor(
  rules: readonly RuleMetadata[],
  failed: readonly string[],
  missing: boolean,
): string[] {
  if (failed.includes('whitelistValidation')) return ['is not allowed'];
  if (missing) return ['is required'];
  const own = rules
    .filter((rule) => failed.includes(ruleNameOf(rule)))
    .flatMap((rule) => ownMessageOf(rule) ?? []);
  return own.length > 0 ? own : [mustBe(rules)];
}

/** "must be an integer at least 0 and at most 99", from the rules that have no message. */
function mustBe(rules: readonly RuleMetadata[]): string {
  const phrases = rules
    .filter((rule) => !NOT_DESCRIBED.has(rule.type) && ownMessageOf(rule) === undefined)
    .map((rule) => ({ rule, phrase: RULE_PHRASES[ruleNameOf(rule)]?.(rule.constraints ?? []) }));
  const kinds = new Set(
    phrases.flatMap(({ rule, phrase }) =>
      phrase && 'kind' in phrase
        ? [rule.each ? `a list of items each ${phrase.kind}` : phrase.kind]
        : [],
    ),
  );
  // "a list of items each one of: …" says all that "a list" does.
  if ([...kinds].some((kind) => kind.startsWith('a list of'))) kinds.delete('a list');
  const bounds = phrases.flatMap(({ phrase }) =>
    phrase && 'bound' in phrase ? [phrase.bound] : [],
  );
  const kind = kinds.size > 0 ? [...kinds].join(' and ') : 'a valid value';
  return ['must be', kind, ...range(bounds)].join(' ');
}

/** "at least 0" and "at most 9" read better as "between 0 and 9". */
function range(bounds: readonly string[]): string[] {
  const low = bounds.find((bound) => bound.startsWith('at least '));
  const high = bounds.find((bound) => bound.startsWith('at most '));
  if (!low || !high) return bounds.length > 0 ? [bounds.join(' and ')] : [];
  const rest = bounds.filter((bound) => bound !== low && bound !== high);
  const between = `between ${low.slice('at least '.length)} and ${high.slice('at most '.length)}`;
  return [[between, ...rest].join(' and ')];
}
