import { ExitCode } from '../../src/exit-codes.js';
import { runCli } from './cli-runner.js';

/**
 * Ingests `exports` (a file or folder, relative to `cwd`) into `cwd`'s store with the CLI, then
 * prints the report in each of `formats` (`tlap themes --format F`), by format. Throws when a step
 * fails, with its stderr.
 */
export async function ingestAndReport<F extends string>(cwd: string, exports: string, formats: readonly F[]): Promise<Record<F, string>> {
  const ingested = await runCli(['ingest', exports], { cwd });
  if (ingested.exitCode !== ExitCode.Ok) throw new Error(`ingest failed: ${ingested.stderr}`);
  const outputs: Partial<Record<F, string>> = {};
  for (const format of formats) {
    const result = await runCli(['themes', '--format', format], { cwd });
    if (result.exitCode !== ExitCode.Ok) throw new Error(`themes --format ${format} failed: ${result.stderr}`);
    outputs[format] = result.stdout;
  }
  return outputs as Record<F, string>;
}

/** Each of `words` found in a report output, as `format: words`: what should never have been published. */
export function publishedWords(outputs: Readonly<Record<string, string>>, words: readonly string[]): string[] {
  return Object.entries(outputs).flatMap(([format, output]) =>
    words.filter((entry) => output.includes(entry)).map((entry) => `${format}: ${entry}`),
  );
}
