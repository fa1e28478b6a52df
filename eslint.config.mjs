// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const NO_DEEP_LIB_IMPORTS = {
  group: ['@app/*/*'],
  message: 'Import a lib through its barrel (@app/<lib>).',
};

const NO_SIMULATOR_KIT = {
  group: ['@app/simulator-kit', '**/simulator-kit/**'],
  message: 'libs/simulator-kit is for the simulators only; the service never imports it.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '**/dist/**',
      'coverage/**',
      '.data/**',
      'node_modules/**',
      // openapi-typescript's output, checked against the document by test/project/api-client.
      'libs/api-client/src/schema.generated.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { patterns: [NO_DEEP_LIB_IMPORTS] }],
    },
  },
  {
    // docs/design.md#module-boundaries: the service shares no code with the simulators.
    files: ['libs/persistence/**/*.ts', 'libs/checkout-client/**/*.ts', 'libs/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_DEEP_LIB_IMPORTS, NO_SIMULATOR_KIT] }],
    },
  },
  {
    // docs/design.md#module-boundaries: a provider's client leans on the domain's errors and
    // libs/common only: no app, no other provider's client, no persistence.
    files: ['libs/adyen-client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DEEP_LIB_IMPORTS,
            NO_SIMULATOR_KIT,
            {
              group: [
                '@app/*',
                '!@app/domain',
                '!@app/common',
                '**/apps/**',
                '**/checkout-client/**',
                '**/persistence/**',
                '**/api-client/**',
              ],
              message:
                'libs/adyen-client imports no app and no lib but @app/domain and @app/common.',
            },
          ],
        },
      ],
    },
  },
  {
    // docs/design.md#module-boundaries: the domain is pure TypeScript: no framework, no I/O,
    // no other lib.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DEEP_LIB_IMPORTS,
            {
              group: ['@nestjs/*', 'typeorm', 'pg', 'class-*', 'rxjs', 'axios'],
              message: 'libs/domain imports no framework.',
            },
            { group: ['@app/*'], message: 'libs/domain depends on nothing.' },
            NO_SIMULATOR_KIT,
            {
              group: ['node:*', 'fs', 'http', 'https', 'net', 'crypto'],
              message: 'libs/domain does no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // docs/design.md#module-boundaries: the simulators are independent implementations of
    // Checkout's and Adyen's contracts.
    files: ['apps/checkout-simulator/**/*.ts', 'apps/adyen-simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DEEP_LIB_IMPORTS,
            {
              group: [
                '@app/domain',
                '@app/persistence',
                '@app/checkout-client',
                '@app/adyen-client',
                '@app/api-client',
                '**/orchestrator/**',
                '**/libs/**',
              ],
              message:
                'The simulator must not share code with the orchestrator (only @app/common and @app/simulator-kit).',
            },
          ],
        },
      ],
    },
  },
  {
    // docs/design.md#module-boundaries: what the simulators share depends on no service code
    // (not even libs/common) and on neither simulator.
    files: ['libs/simulator-kit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DEEP_LIB_IMPORTS,
            {
              group: [
                '@app/*',
                '**/orchestrator/**',
                '**/*-simulator/**',
                '**/domain/**',
                '**/persistence/**',
                '**/checkout-client/**',
                '**/adyen-client/**',
                '**/common/**',
                '**/api-client/**',
              ],
              message: 'libs/simulator-kit imports no service code and neither simulator.',
            },
          ],
        },
      ],
    },
  },
  {
    // The typed client is made from the OpenAPI document alone, so teams can take it as it is.
    files: ['libs/api-client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/*', '**/apps/**'],
              message: 'libs/api-client depends on no repo code.',
            },
            NO_SIMULATOR_KIT,
          ],
        },
      ],
    },
  },
  {
    // The client is for callers: the orchestrator never calls itself through it.
    files: ['apps/orchestrator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DEEP_LIB_IMPORTS,
            { group: ['@app/api-client'], message: 'The apps do not use the API client.' },
            NO_SIMULATOR_KIT,
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    // Plain ES modules the orchestrator serves to browsers (no build step, no type information).
    files: ['apps/orchestrator/public/**/*.js', 'examples/*/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.browser,
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Tests read untyped JSON from the wire on purpose.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
