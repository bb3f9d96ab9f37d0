/**
 * The process exit codes of every tlap command, defined once.
 *
 * - `Ok` (0): the command did all it was asked and nothing was rejected.
 * - `Findings` (1): the command finished, but some input was rejected, or `--check` found a stale file.
 * - `CouldNotRun` (2): the command could not run: bad usage, a broken codebook, unreadable input, a locked store.
 */
export const ExitCode = {
  Ok: 0,
  Findings: 1,
  CouldNotRun: 2,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
