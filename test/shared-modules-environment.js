// Jest's node environment, plus six things for a worker process that runs many test files:
//
// One loaded copy of compromise per worker. jest evaluates every module again for each test
// file; for compromise that means its 360 KB bundle and a 24,612-word lexicon rebuilt (about half a
// second) in each of the dozen suites whose texts reach name detection. compromise is pure once
// loaded (tlap only reads its lexicon and tags strings, and never extends it), so one copy gives
// what a fresh one would. jest.config.js maps `compromise` to test/shared-compromise.cjs, which
// takes this copy. The same for yaml (test/shared-yaml.cjs), which every test file that loads a
// codebook evaluated afresh: it keeps no state between calls, tells its nodes by symbols rather
// than by class, and what tlap takes from it is strings, numbers and positions.
//
// A V8 code cache for the CommonJS modules jest compiles again for every test file (its own
// expect, jest-circus, jest-snapshot… and CommonJS packages such as yaml or fast-check): a worker
// keeps each module's cache data from its first compile and hands it to the next compile of the
// same file and text, which then skips parsing. V8 checks the data against the source and
// compiles as usual when it does not match. Code with import() is left out: a cached function
// would keep the first compile's dynamic-import callback, which belongs to an earlier test file.
// (Per-file compiles were 7% of the inner loop's CPU; about a third of that remains.)
//
// The files of node_modules/ read once per worker. jest reads and decodes every module's file
// again for each test file, its own expect and jest-circus included (4% of the inner loop's CPU);
// nothing writes to node_modules/ during a run, so the bytes and their text are kept.
//
// jest's own helpers that only format text, loaded once per worker instead of once per test file.
// jest-circus and expect are evaluated again in every test file's context, and with them the
// modules that print values, diffs and stack traces (pretty-format, jest-diff, jest-matcher-utils,
// jest-message-util with @babel/code-frame), jest-snapshot, and pure-rand, which orders tests:
// about 25 ms of each test file's start on this machine (3 s of the inner loop's CPU). jest itself
// loads chalk this way, outside the test's context and shared. These modules are written for
// values from another context (they tell types by Object.prototype.toString and errors by
// isError) and print a failure exactly as a fresh copy does; jest-snapshot's state lives in the
// SnapshotState each test file makes. expect and @jest/expect-utils, which decide whether values
// are equal, and jest-each, which builds objects a test receives, stay in each test file.
//
// The AsyncLocalStorage of each test file switched off when the file is done. jest-circus makes a
// new AsyncLocalStorage for every test file and never disables it; before Node 22's async context
// frames, every enabled storage is visited each time any promise is created, so a worker's
// hundredth test file paid for the 99 before it on every promise (in band, 6% of the inner loop's
// CPU went to that alone).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import NodeEnvironment from 'jest-environment-node';

/** Per file name: the source last compiled, its parameters and V8's cache data for it. */
const codeCache = new Map();
/** Per file name: the parameters it compiles with, where it declares a built-in that jest.config.js injects. */
const paramsOf = new Map();
const compileFunction = vm.compileFunction;
const REDECLARED = /^Identifier '([\w$]+)' has already been declared$/;

/**
 * vm.compileFunction, except that a built-in jest.config.js injects as a parameter
 * (sandboxInjectedGlobals) and the module declares itself with const, let or class (`const Buffer
 * = require('safe-buffer').Buffer`) is passed under another name, which the module never reads.
 */
function compileWithParams(code, params, options) {
  let chosen = paramsOf.get(options.filename) ?? params;
  for (;;) {
    try {
      const compiled = compileFunction.call(this, code, chosen, options);
      if (chosen !== params) paramsOf.set(options.filename, chosen);
      return compiled;
    } catch (error) {
      const at = error?.name === 'SyntaxError' ? chosen.indexOf(REDECLARED.exec(error.message)?.[1]) : -1;
      if (at === -1) throw error;
      chosen = chosen.with(at, `__declaredByTheModule${at}`);
    }
  }
}

vm.compileFunction = function compileFunctionWithCodeCache(code, params = [], options = {}) {
  const key = options.filename;
  if (typeof key !== 'string' || code.includes('import(') || options.cachedData !== undefined || options.produceCachedData === true) {
    return compileWithParams.call(this, code, params, options);
  }
  const cached = codeCache.get(key);
  const paramList = params.join(',');
  if (cached !== undefined && cached.code === code && cached.paramList === paramList)
    return compileWithParams.call(this, code, params, { ...options, cachedData: cached.data });
  const compiled = compileWithParams.call(this, code, params, { ...options, produceCachedData: true });
  if (compiled.cachedData !== undefined) codeCache.set(key, { code, paramList, data: compiled.cachedData });
  return compiled;
};

const require = createRequire(import.meta.url);

/** The modules of jest-circus and expect that each worker loads once, outside the test files' contexts. */
const FORMATTING_MODULES = new Set([
  'pretty-format',
  'jest-diff',
  'jest-matcher-utils',
  'jest-message-util',
  '@babel/code-frame',
  'stack-utils',
  'picomatch',
  'graceful-fs',
  'ci-info',
  'jest-snapshot',
  '@jest/snapshot-utils',
  '@jest/transform',
  'pure-rand',
]);
const Runtime = require('jest-runtime').default;
const requireInternalModule = Runtime.prototype.requireInternalModule;
Runtime.prototype.requireInternalModule = function requireFormattingModulesOnce(from, to) {
  return to !== undefined && FORMATTING_MODULES.has(to) ? createRequire(from)(to) : requireInternalModule.call(this, from, to);
};
let compromise;
let yaml;

/** The fs jest-runtime reads module files with. */
const gracefulFs = createRequire(require.resolve('jest-runtime'))('graceful-fs');
const readFileSync = gracefulFs.readFileSync;
/** Per path under node_modules/: the file's bytes, read once per worker. */
const packageFiles = new Map();
gracefulFs.readFileSync = function readPackageFileOnce(path, options) {
  if (options !== undefined || typeof path !== 'string' || !path.includes('/node_modules/')) return readFileSync.apply(this, arguments);
  let bytes = packageFiles.get(path);
  if (bytes === undefined) {
    bytes = readFileSync(path);
    let text;
    bytes.toString = function decodedOnce(...args) {
      return args.length > 0 ? Buffer.prototype.toString.apply(this, args) : (text ??= Buffer.prototype.toString.call(this));
    };
    packageFiles.set(path, bytes);
  }
  return bytes;
};

/** The storages enabled while the current test file ran (empty where Node needs no hooks for them). */
const enabledStorages = new Set();
const enableStorage = AsyncLocalStorage.prototype._enable;
if (typeof enableStorage === 'function') {
  AsyncLocalStorage.prototype._enable = function trackedEnable() {
    enabledStorages.add(this);
    return enableStorage.call(this);
  };
}

// A jest process whose work is done exits as soon as its event loop is empty, without tearing down
// its heap and the module contexts of every test file it ran. On a busy machine that teardown took
// longer than the half second jest waits for a worker ("A worker process has failed to exit
// gracefully and has been force exited"): the workers' 'exit' came within 2 ms of their release,
// their end only after jest killed them. Nothing is pending once the loop is empty, and the
// listener is added last, after jest's own, so process.exitCode is already the run's verdict.
process.once('beforeExit', () => process.on('exit', () => process.exit()));

/** The test environment of every suite (jest.config.js). */
export default class SharedModulesEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.defineProperty(this.global, '__tlapSharedCompromise', {
      value: () => (compromise ??= require('compromise')),
    });
    Object.defineProperty(this.global, '__tlapSharedYaml', {
      value: () => (yaml ??= require('yaml')),
    });
  }

  async teardown() {
    for (const storage of enabledStorages) storage.disable();
    enabledStorages.clear();
    await super.teardown();
  }
}
