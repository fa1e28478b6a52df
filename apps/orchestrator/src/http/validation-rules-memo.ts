import { getMetadataStorage } from 'class-validator';

/** One rule of class-validator's storage (a decorator's record); only passed along here. */
type ValidationMetadata = object;

type RulesLookup = (
  target: object,
  targetSchema: string,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => ValidationMetadata[];

type Grouping = (rules: ValidationMetadata[]) => Record<string, ValidationMetadata[]>;

interface RulesStorage {
  getTargetValidationMetadatas: RulesLookup;
  groupByPropertyName: Grouping;
  addValidationMetadata(rule: ValidationMetadata): void;
}

const MEMOIZED = Symbol('validation rules memoized');

/**
 * class-validator looks a class's rules up again for every object it validates, nested ones
 * included, and each lookup tests the class against every class it knows (`instanceof`, its
 * `MetadataStorage.getTargetValidationMetadatas`), then regroups them by property: with a few
 * hundred DTO classes that is most of what validating a create body costs. Rules come from
 * decorators, fixed once a class is loaded, so the answer is kept per class and options, and
 * forgotten whenever a rule is added (a class loaded later). Callers only read what they get.
 * Idempotent: the storage is class-validator's one global instance.
 */
export function memoizeValidationRules(): void {
  const storage = getMetadataStorage() as unknown as RulesStorage & { [MEMOIZED]?: true };
  if (storage[MEMOIZED]) return;
  storage[MEMOIZED] = true;

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  let rulesByClass = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let groupings = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();

  storage.addValidationMetadata = (rule) => {
    rulesByClass = new WeakMap();
    groupings = new WeakMap();
    addRule(rule);
  };
  storage.getTargetValidationMetadatas = (target, targetSchema, always, strictGroups, groups) => {
    const options = `${targetSchema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? '-'}`;
    let forClass = rulesByClass.get(target);
    if (!forClass) rulesByClass.set(target, (forClass = new Map<string, ValidationMetadata[]>()));
    let rules = forClass.get(options);
    if (!rules) {
      rules = lookUp(target, targetSchema, always, strictGroups, groups);
      forClass.set(options, rules);
    }
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let grouped = groupings.get(rules);
    if (!grouped) {
      grouped = group(rules);
      groupings.set(rules, grouped);
    }
    return grouped;
  };
}
