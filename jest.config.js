export default {
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': '@swc/jest' },
  testTimeout: 30000,
  // jest's default leaves one core idle; on a 2-core machine that is half of it.
  maxWorkers: '100%',
  globalSetup: '<rootDir>/test/global-setup.js',
};
