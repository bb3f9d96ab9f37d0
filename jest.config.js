export default {
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // One loaded compromise per worker, not one per test file (see test/shared-modules-environment.js).
    '^compromise$': '<rootDir>/test/shared-compromise.cjs',
  },
  testEnvironment: '<rootDir>/test/shared-modules-environment.js',
  transform: { '^.+\\.ts$': '@swc/jest' },
  testTimeout: 30000,
  // jest's default leaves one core idle; on a 2-core machine that is half of it.
  maxWorkers: '100%',
  globalSetup: '<rootDir>/test/global-setup.js',
  testSequencer: '<rootDir>/test/heavy-first-sequencer.js',
};
