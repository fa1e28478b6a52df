import { ESLint } from 'eslint';

/**
 * docs/design.md#module-boundaries, enforced by eslint.config.mjs: proves the rules fire, not
 * just that they exist.
 */
describe('import boundaries (eslint)', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  const restrictedImports = async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages
      .filter((message) => message.ruleId === 'no-restricted-imports')
      .map((message) => message.message);
  };
  /** A module that imports `specifier` whole and uses it. */
  const importing = (specifier: string): string =>
    `import * as lib from '${specifier}';\nexport const x = lib;\n`;

  it.each([
    [
      '@nestjs/common',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    ],
    ['typeorm', "import { Entity } from 'typeorm';\nexport const x = Entity;\n"],
    ['node:crypto', "import { randomUUID } from 'node:crypto';\nexport const x = randomUUID;\n"],
    [
      '@app/common',
      "import { validateEnvironment } from '@app/common';\nexport const x = validateEnvironment;\n",
    ],
  ])('keeps %s out of libs/domain', async (_module, code) => {
    await expect(restrictedImports('libs/domain/src/index.ts', code)).resolves.toHaveLength(1);
  });

  it.each(['@app/domain', '@app/persistence', '@app/checkout-client', '@app/adyen-client'])(
    'keeps %s out of the simulator',
    async (lib) => {
      await expect(
        restrictedImports('apps/checkout-simulator/src/main.ts', importing(lib)),
      ).resolves.toHaveLength(1);
    },
  );

  it('keeps the Adyen client out of the Adyen simulator it talks to', async () => {
    await expect(
      restrictedImports('apps/adyen-simulator/src/main.ts', importing('@app/adyen-client')),
    ).resolves.toHaveLength(1);
  });

  it.each([
    '@app/persistence',
    '@app/checkout-client',
    '@app/api-client',
    '../../../apps/orchestrator/src/app.module.js',
    '../../../apps/adyen-simulator/src/adyen-simulator.module.js',
    '../../checkout-client/src/http-exchange.js',
  ])('keeps %s out of the Adyen client', async (specifier) => {
    await expect(
      restrictedImports('libs/adyen-client/src/index.ts', importing(specifier)),
    ).resolves.toHaveLength(1);
  });

  it("lets the Adyen client use the domain, libs/common and Adyen's library", async () => {
    const code = [
      "import { UpstreamBusyError } from '@app/domain';",
      "import { parseRetryAfter } from '@app/common';",
      "import { CheckoutAPI } from '@adyen/api-library';",
      'export const x = [UpstreamBusyError, parseRetryAfter, CheckoutAPI];',
      '',
    ].join('\n');
    await expect(restrictedImports('libs/adyen-client/src/index.ts', code)).resolves.toEqual([]);
  });

  it('lets the simulator use @app/common', async () => {
    const code =
      "import { validateEnvironment } from '@app/common';\nexport const x = validateEnvironment;\n";
    await expect(restrictedImports('apps/checkout-simulator/src/main.ts', code)).resolves.toEqual(
      [],
    );
  });

  const SERVICE_FILES = [
    'apps/orchestrator/src/main.ts',
    'libs/domain/src/index.ts',
    'libs/persistence/src/index.ts',
    'libs/checkout-client/src/index.ts',
    'libs/adyen-client/src/index.ts',
    'libs/common/src/index.ts',
    'libs/api-client/src/index.ts',
  ];

  it.each(SERVICE_FILES)('keeps the simulator kit out of %s', async (filePath) => {
    const barrel =
      "import { SimulatorClock } from '@app/simulator-kit';\nexport const x = SimulatorClock;\n";
    const deep =
      "import { RouteFaults } from '../../simulator-kit/src/faults/route-faults.js';\nexport const x = RouteFaults;\n";
    // libs/domain and libs/api-client refuse every @app/* import already, so a second rule may fire.
    await expect(restrictedImports(filePath, barrel)).resolves.not.toHaveLength(0);
    await expect(restrictedImports(filePath, deep)).resolves.not.toHaveLength(0);
  });

  it.each([
    '@app/domain',
    '@app/persistence',
    '@app/checkout-client',
    '@app/adyen-client',
    '@app/common',
    '@app/api-client',
    '../../../apps/orchestrator/src/app.module.js',
    '../../../apps/checkout-simulator/src/simulator.module.js',
    '../../common/src/index.js',
  ])('keeps %s out of the simulator kit', async (specifier) => {
    await expect(
      restrictedImports('libs/simulator-kit/src/index.ts', importing(specifier)),
    ).resolves.toHaveLength(1);
  });

  it.each(['apps/checkout-simulator/src/main.ts', 'apps/adyen-simulator/src/main.ts'])(
    'lets %s use the simulator kit',
    async (filePath) => {
      const code =
        "import { SimulatorClock } from '@app/simulator-kit';\nexport const x = SimulatorClock;\n";
      await expect(restrictedImports(filePath, code)).resolves.toEqual([]);
    },
  );

  it.each([
    ['@app/common', "import { Clock } from '@app/common';\nexport const x = Clock;\n"],
    [
      'the orchestrator',
      "import { AppModule } from '../../../apps/orchestrator/src/app.module.js';\nexport const x = AppModule;\n",
    ],
  ])('keeps %s out of the API client', async (_module, code) => {
    await expect(restrictedImports('libs/api-client/src/index.ts', code)).resolves.toHaveLength(1);
  });

  it('lets the API client use openapi-fetch, and the tests use the client', async () => {
    const client = "import createClient from 'openapi-fetch';\nexport const x = createClient;\n";
    await expect(restrictedImports('libs/api-client/src/index.ts', client)).resolves.toEqual([]);
    const test =
      "import { createApiClient } from '@app/api-client';\nexport const x = createApiClient;\n";
    await expect(restrictedImports('test/support/api.ts', test)).resolves.toEqual([]);
  });

  it.each(['apps/orchestrator/src/main.ts', 'apps/checkout-simulator/src/main.ts'])(
    'keeps the API client out of %s',
    async (filePath) => {
      const code =
        "import { createApiClient } from '@app/api-client';\nexport const x = createApiClient;\n";
      await expect(restrictedImports(filePath, code)).resolves.toHaveLength(1);
    },
  );

  it('refuses deep imports into a lib anywhere', async () => {
    const code = "import { x } from '@app/persistence/src/typeorm-options';\nexport const y = x;\n";
    await expect(restrictedImports('apps/orchestrator/src/main.ts', code)).resolves.toHaveLength(1);
  });
});
