import { readFileSync, writeFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  buildServiceDocument,
  clientTypesOf,
  GENERATED_CLIENT_TYPES,
} from '../support/service-document.js';

/** Lines where `committed` and `current` differ (the first few), as `line N: committed | current`. */
function differences(committed: string, current: string): string[] {
  const [was, now] = [committed.split('\n'), current.split('\n')];
  return Array.from({ length: Math.max(was.length, now.length) }, (_, i) => i)
    .filter((i) => was[i] !== now[i])
    .slice(0, 5)
    .map((i) => `line ${i + 1}: ${was[i] ?? '(none)'} | ${now[i] ?? '(none)'}`);
}

/**
 * The typed client (libs/api-client) is generated from the service's own document, so a route or
 * body that changes without `npm run client:generate` fails here. That script runs this spec with
 * API_CLIENT_WRITE=true, which writes the file instead of comparing it.
 */
describe('the typed API client', () => {
  let document: OpenAPIObject;
  let current: string;

  beforeAll(async () => {
    document = await buildServiceDocument();
    current = await clientTypesOf(document);
    if (process.env.API_CLIENT_WRITE === 'true') writeFileSync(GENERATED_CLIENT_TYPES, current);
  });

  it('has the types the current OpenAPI document produces', () => {
    const committed = readFileSync(GENERATED_CLIENT_TYPES, 'utf8');
    expect(differences(committed, current)).toEqual([]);
  });

  it('would notice a route the document gained or lost', async () => {
    const { '/v1/events': _events, ...fewerPaths } = document.paths;
    const shrunk = await clientTypesOf({ ...document, paths: fewerPaths });
    expect(differences(current, shrunk)).not.toEqual([]);
  });
});
