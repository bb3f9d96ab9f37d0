export default {
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // One loaded compromise per worker, not one per test file (see test/shared-modules-environment.js).
    '^compromise$': '<rootDir>/test/shared-compromise.cjs',
    '^yaml$': '<rootDir>/test/shared-yaml.cjs',
    // Built-ins as module bindings, not reads of the sandbox's global object (test/sandbox-globals.js).
    '^tlap-sandbox-globals$': '<rootDir>/test/sandbox-globals.js',
  },
  // `./x.js` in the sources is ./x.ts (test/source-resolver.cjs).
  resolver: '<rootDir>/test/source-resolver.cjs',
  testEnvironment: '<rootDir>/test/shared-modules-environment.js',
  transform: { '^.+\\.ts$': '<rootDir>/test/sandbox-globals-transformer.js' },
  // The same for CommonJS modules (jest's own expect and jest-circus, yaml…), as parameters of the
  // module wrapper: only the built-ins their hot code reads, since jest reads each one off the
  // sandbox's global object again for every module it runs.
  sandboxInjectedGlobals: [
    'Object',
    'Array',
    'Math',
    'Number',
    'String',
    'Symbol',
    'Map',
    'Set',
    'Error',
    'JSON',
    'Reflect',
    'Promise',
    'Buffer',
    'Uint8Array',
  ],
  injectGlobals: false,
  testTimeout: 30000,
  // jest's default leaves one core idle; on a 2-core machine that is half of it.
  maxWorkers: '100%',
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testSequencer: '<rootDir>/test/heavy-first-sequencer.js',
};
