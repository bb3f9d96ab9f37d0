// Jest's node environment, plus one loaded copy of compromise per worker process for all the
// test files it runs. jest evaluates every module again for each test file; for compromise that
// means its 360 KB bundle and a 24,612-word lexicon rebuilt (about half a second) in each of the
// dozen suites whose texts reach name detection. compromise is pure once loaded (tlap only reads
// its lexicon and tags strings, and never extends it), so one copy gives what a fresh one would.
// jest.config.js maps `compromise` to test/shared-compromise.cjs, which takes this copy.
import { createRequire } from 'node:module';
import NodeEnvironment from 'jest-environment-node';

const require = createRequire(import.meta.url);
let compromise;

/** The test environment of every suite (jest.config.js). */
export default class SharedModulesEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.defineProperty(this.global, '__tlapSharedCompromise', {
      value: () => (compromise ??= require('compromise')),
    });
  }
}
