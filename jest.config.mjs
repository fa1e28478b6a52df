/**
 * Jest runs TypeScript as native ESM (Nest 12 is ESM): node --experimental-vm-modules + ts-jest useESM.
 * Projects: `unit` (specs beside the code, no I/O but the repo's files and, for a provider client's
 * transport, a loopback HTTP server of the spec's own), `e2e` (real PostgreSQL,
 * real HTTP; one database per Jest worker, prepared once by test/global-setup) and `browser`
 * (the issuer pages in Chromium; `npm run test:browser`).
 */
const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@app/(domain|checkout-client|adyen-client|persistence|common|api-client|simulator-kit)$':
      '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
};

export default {
  // A global option (ignored inside projects): it only bounds a hang, so it is far above what a
  // test takes on a busy, shared machine; the waits inside tests (20 s by default) end first.
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/project/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
    {
      // Needs Chromium (Debian's package): run by `npm run test:browser`, not by `npm test`.
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
  ],
};
