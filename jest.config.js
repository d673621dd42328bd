// TypeScript tests run as native ES modules (lowdb 7 is ESM-only); ts-jest only
// transpiles, `tsc --noEmit` in `npm test` does the type checking once.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 30000,
};
