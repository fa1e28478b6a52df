import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALLOWED_IMPORTS,
  cyclesOf,
  directionProblems,
  documentedTable,
  orchestratorSources,
  roomImports,
  roomsOnDisk,
} from '../support/room-directions.js';

const REPOSITORY = process.cwd();

/**
 * docs/design.md#rooms: inside apps/orchestrator/src imports run one way, by an explicit table
 * (test/support/room-directions.ts). Proves the table holds for the code, and that the check
 * fires when an arrow runs back.
 */
describe('room directions', () => {
  it('lets no two rooms import each other, directly or round a cycle', () => {
    expect(cyclesOf(ALLOWED_IMPORTS)).toEqual([]);
  });

  it('knows every folder of the orchestrator, and no folder that is gone', () => {
    expect(roomsOnDisk(REPOSITORY).sort()).toEqual(Object.keys(ALLOWED_IMPORTS).sort());
  });

  it('holds for every import of the orchestrator', () => {
    const imports = roomImports(orchestratorSources(REPOSITORY));
    expect(imports.length).toBeGreaterThan(50);
    expect(directionProblems(imports)).toEqual([]);
  });

  it.each([
    ['flow/x.ts', "import { A } from '../authentications/a.js';", 'flow → authentications'],
    ['flow/x.ts', "export { A } from '../providers/checkout/a.js';", 'flow → providers'],
    ['config/x.ts', "import { A } from '../providers/registry.js';", 'config → providers'],
    ['http/x.ts', "const a = await import('../authentications/a.js');", 'http → authentications'],
    ['jobs/x.ts', "import { A } from '../flow/a.js';", 'jobs → flow'],
    [
      'providers/checkout/x.ts',
      "import { A } from '../../authentications/a.js';",
      'providers → authentications',
    ],
    ['authentications/x.ts', "import { A } from '../app.module.js';", 'the composition root'],
    ['newroom/x.ts', "import { A } from '../flow/a.js';", 'not a room'],
  ])('refuses %s importing `%s`', (file, code, problem) => {
    const problems = directionProblems(roomImports(new Map([[file, code]])));
    expect(problems).toEqual([expect.stringContaining(problem)]);
  });

  it('lets a trigger call the flow and the flow lean on infrastructure', () => {
    const files = new Map([
      ['providers/checkout/x.ts', "import { A } from '../../flow/a.js';"],
      ['flow/x.ts', "import { B } from '../config/b.js';"],
      ['main.ts', "import { C } from './providers/c.js';"],
      ['demo/x.ts', "import cards from '../../../../contracts/checkout/test-cards.json';"],
    ]);
    expect(directionProblems(roomImports(files))).toEqual([]);
  });

  it('is the table docs/design.md shows', () => {
    const design = readFileSync(join(REPOSITORY, 'docs/design.md'), 'utf8');
    const documented = documentedTable(design);
    const table = Object.fromEntries(
      Object.entries(ALLOWED_IMPORTS).map(([room, targets]) => [room, [...targets].sort()]),
    );
    expect(
      Object.fromEntries(
        Object.entries(documented).map(([room, targets]) => [room, targets.sort()]),
      ),
    ).toEqual(table);
  });
});
