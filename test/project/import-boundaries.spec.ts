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

  it.each(['@app/domain', '@app/persistence', '@app/checkout-client'])(
    'keeps %s out of the simulator',
    async (lib) => {
      const code = `import * as lib from '${lib}';\nexport const x = lib;\n`;
      await expect(
        restrictedImports('apps/checkout-simulator/src/main.ts', code),
      ).resolves.toHaveLength(1);
    },
  );

  it('lets the simulator use @app/common', async () => {
    const code =
      "import { validateEnvironment } from '@app/common';\nexport const x = validateEnvironment;\n";
    await expect(restrictedImports('apps/checkout-simulator/src/main.ts', code)).resolves.toEqual(
      [],
    );
  });

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
