// jest's order of test files, except where it has no timings of an earlier run (a fresh clone, a
// new cache folder): there it falls back to file size, which put suites of a dozen seconds (real
// data, the browser, worker threads, crash safety, the slow and property suites) anywhere in the
// first third of the run, or near its end. Those start first here, so that on 2 workers no long
// suite begins while the other worker is finishing the short ones.
import TestSequencer from '@jest/test-sequencer';

const LONG_SUITE = /[.](slow|property)[.]test[.]ts$|\/test\/(realdata|browser|package)\/|fuzz|crash-safety|parallel-themes/;

/** The test sequencer of jest.config.js. */
export default class LongSuitesFirstSequencer extends TestSequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const untimedLong = sorted.filter((test) => test.duration == null && LONG_SUITE.test(test.path));
    return [...untimedLong, ...sorted.filter((test) => !untimedLong.includes(test))];
  }
}
