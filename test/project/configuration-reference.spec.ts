import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { OrchestratorEnvironment } from '../../apps/orchestrator/src/config/orchestrator.environment.js';
import { AdyenSimulatorEnvironment } from '../../apps/adyen-simulator/src/config/adyen-simulator.environment.js';
import { SimulatorEnvironment } from '../../apps/checkout-simulator/src/config/simulator.environment.js';
import {
  APPS,
  configurationReference,
  environmentSettings,
  OUTPUT,
  type AppSettings,
} from '../../scripts/config-reference/reference.mjs';

const ROOT = process.cwd();

/** The settings the validator knows of a class, its bases' included: what the apps really read. */
function validatedSettings(schema: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  return [...new Set(metadata.map((one) => one.propertyName))].sort();
}

/** `docs/configuration.md`'s `## <app>` section, cut at the next one. */
function appSection(page: string, title: string): string {
  const start = page.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const next = page.indexOf('\n## ', start + 1);
  return page.slice(start, next < 0 ? undefined : next);
}

const listed = (section: string): string[] =>
  [...section.matchAll(/^- `([A-Z][A-Z0-9_]*)`:/gm)].map(([, name]) => name).sort();

/** docs/configuration.md is generated from the environment classes and says what they validate. */
describe('configuration reference', () => {
  const onDisk = readFileSync(join(ROOT, OUTPUT), 'utf8');
  // The compiler reads the sources once (a few seconds): every check below looks at that reading.
  let apps: AppSettings[];
  beforeAll(() => {
    apps = environmentSettings(ROOT);
  });

  it('is what `npm run docs:config` writes from the environment classes today', async () => {
    const generated = await configurationReference(ROOT, apps);
    const line = generated
      .split('\n')
      .findIndex((text, index) => text !== onDisk.split('\n')[index]);
    const verdict =
      generated === onDisk
        ? 'up to date'
        : `stale from line ${line + 1}: run \`npm run docs:config\` and commit ${OUTPUT}`;
    expect(verdict).toBe('up to date');
  });

  it.each([
    ['Orchestrator', OrchestratorEnvironment, 15],
    ['Checkout simulator', SimulatorEnvironment, 15],
    ['Adyen simulator', AdyenSimulatorEnvironment, 10],
  ])('lists every setting the %s validates, and no other', (title, schema, atLeast) => {
    const settings = validatedSettings(schema);
    expect(settings.length).toBeGreaterThan(atLeast);
    expect(listed(appSection(onDisk, title))).toEqual(settings);
  });

  it('reads every environment class of the repository', () => {
    const read = new Set(apps.flatMap((app) => app.sections.map((section) => section.file)));
    const classes = ['apps', 'libs'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith('.environment.ts') && !path.includes('node_modules'))
        .map((path) => join(dir, path)),
    );
    expect(classes.length).toBeGreaterThan(3);
    expect(classes.filter((file) => !read.has(file))).toEqual([]);
    expect(APPS.map((app) => app.title)).toEqual([
      'Orchestrator',
      'Checkout simulator',
      'Adyen simulator',
    ]);
  });

  it('describes each setting: what it accepts, its default, and what it means', () => {
    for (const app of apps) {
      for (const setting of app.sections.flatMap((section) => section.settings)) {
        expect({ name: setting.name, accepts: setting.rules.accepts.length > 0 }).toEqual({
          name: setting.name,
          accepts: true,
        });
        expect(setting.doc.length).toBeGreaterThan(5);
      }
    }
    const orchestrator = apps[0].sections.flatMap((one) => one.settings);
    const named = (name: string) => orchestrator.find((setting) => setting.name === name);
    expect(named('LOG_FORMAT')).toMatchObject({ defaultValue: 'json' });
    expect(named('LOG_LEVEL')?.rules.accepts).toContain('`silent`');
    expect(named('CHECKOUT_TIMEOUT_MS')).toMatchObject({
      defaultValue: 10_000,
      rules: { optional: false, accepts: 'an integer, at least 100' },
    });
    expect(named('CHECKOUT_CLIENT_SECRET')).toMatchObject({ defaultValue: undefined });
  });
});
