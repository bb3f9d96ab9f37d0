import { describe, expect, test } from '@jest/globals';
import { workerFailure } from '../../src/run/theme-workers.js';
import { TlapError } from '../../src/errors.js';
import { ExitCode } from '../../src/exit-codes.js';

function errorWithCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('a theme worker that fails', () => {
  test('running out of its memory limit is an error tlap explains, with a way round it and the cause kept', () => {
    const cause = errorWithCode('Worker terminated due to reaching memory limit: JS heap out of memory', 'ERR_WORKER_OUT_OF_MEMORY');
    const failure = workerFailure(cause);
    expect(failure).toBeInstanceOf(TlapError);
    expect(failure).toMatchObject({ code: 'WORKER_OUT_OF_MEMORY', exitCode: ExitCode.CouldNotRun, cause });
    expect(failure.message).toBe('a theme worker ran out of its 512 MB of memory');
    expect((failure as TlapError).hint).toBe('theme the store on one thread, which has no such limit');
  });

  test('any other error is passed on as it came', () => {
    const other = errorWithCode('boom', 'ERR_SOMETHING_ELSE');
    expect(workerFailure(other)).toBe(other);
  });
});
