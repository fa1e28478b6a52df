import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { paramOf } from '../../apps/orchestrator/src/http/input-screening.js';
import {
  ownMessageOf,
  RULE_PHRASES,
  ruleNameOf,
  rulesOf,
  type DtoClass,
  type RuleMetadata,
} from '../../apps/orchestrator/src/http/validation-messages.js';

// The words every refusal of input says (docs/errors.md#message): the rules of every request DTO,
// and params written as paths. Each DTO family's messages: validation-messages-*.spec.ts.

const SOURCES = 'apps/orchestrator/src';
/** Rule types that only steer validation (when, how deep) and never fail on their own. */
const STEERING = new Set(['conditionalValidation']);

/** Every request body and query class: what the API validates (responses are not validated). */
async function requestDtoClasses(): Promise<{ file: string; dto: DtoClass }[]> {
  const files = (readdirSync(SOURCES, { recursive: true }) as string[])
    .filter((file) => /\.(request|query)\.dto\.ts$/.test(file))
    .sort();
  const classes = await Promise.all(
    files.map(async (file) => {
      const module = (await import(join(process.cwd(), SOURCES, file))) as Record<string, unknown>;
      return Object.values(module)
        .filter((value): value is DtoClass => typeof value === 'function')
        .map((dto) => ({ file: relative('.', join(SOURCES, file)), dto }));
    }),
  );
  return classes.flat();
}

describe('validation messages', () => {
  it('has a message for every rule any request DTO uses (its own, or one written from the table)', async () => {
    const classes = await requestDtoClasses();
    expect(classes.length).toBeGreaterThan(20);
    const withoutMessage: string[] = [];
    const used = new Set<string>();
    for (const { file, dto } of classes) {
      const rules: RuleMetadata[] = rulesOf(dto);
      for (const rule of rules.filter((one) => !STEERING.has(one.type))) {
        used.add(ruleNameOf(rule));
        const own = ownMessageOf(rule);
        if (own === undefined && !(ruleNameOf(rule) in RULE_PHRASES) && rule.type !== 'isDefined') {
          withoutMessage.push(`${file} ${dto.name}.${rule.propertyName}: ${ruleNameOf(rule)}`);
        }
        // A message of its own is said after the field's name: it must not name it again.
        if (own !== undefined) expect(own).not.toMatch(/\$property|^[a-z_]+ (must|need)/);
      }
    }
    expect(withoutMessage).toEqual([]);
    expect(used.size).toBeGreaterThan(15);
  });

  it.each([
    [['amount'], 'amount'],
    [['channel_data', 'screen_width'], 'channel_data.screen_width'],
    [['items', 2, 'amount'], 'items[2].amount'],
    [['matrix', 0, 1], 'matrix[0][1]'],
    [['source', '4485040371536584'], 'source.(unknown field)'],
    [[], ''],
  ])('writes the path %j as %j', (segments, param) => {
    expect(paramOf(segments)).toBe(param);
  });
});
