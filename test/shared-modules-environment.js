// Jest's node environment, plus two things for a worker process that runs many test files:
//
// One loaded copy of compromise per worker. jest evaluates every module again for each test
// file; for compromise that means its 360 KB bundle and a 24,612-word lexicon rebuilt (about half a
// second) in each of the dozen suites whose texts reach name detection. compromise is pure once
// loaded (tlap only reads its lexicon and tags strings, and never extends it), so one copy gives
// what a fresh one would. jest.config.js maps `compromise` to test/shared-compromise.cjs, which
// takes this copy.
//
// The AsyncLocalStorage of each test file switched off when the file is done. jest-circus makes a
// new AsyncLocalStorage for every test file and never disables it; before Node 22's async context
// frames, every enabled storage is visited each time any promise is created, so a worker's
// hundredth test file paid for the 99 before it on every promise (a fifth of the inner loop's CPU).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import NodeEnvironment from 'jest-environment-node';

const require = createRequire(import.meta.url);
let compromise;

/** The storages enabled while the current test file ran (empty where Node needs no hooks for them). */
const enabledStorages = new Set();
const enableStorage = AsyncLocalStorage.prototype._enable;
if (typeof enableStorage === 'function') {
  AsyncLocalStorage.prototype._enable = function trackedEnable() {
    enabledStorages.add(this);
    return enableStorage.call(this);
  };
}

/** The test environment of every suite (jest.config.js). */
export default class SharedModulesEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.defineProperty(this.global, '__tlapSharedCompromise', {
      value: () => (compromise ??= require('compromise')),
    });
  }

  async teardown() {
    for (const storage of enabledStorages) storage.disable();
    enabledStorages.clear();
    await super.teardown();
  }
}
