// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const NO_DEEP_LIB_IMPORTS = {
  group: ['@app/*/*'],
  message: 'Import a lib through its barrel (@app/<lib>).',
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
                '@app/api-client',
                '**/orchestrator/**',
                '**/libs/**',
              ],
              message:
                'The simulator must not share code with the orchestrator (only @app/common).',
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
