import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import { UsageError } from '../../errors.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';
import { shellWord } from '../shell-word.js';
import { formatCount } from '../../report/number-format.js';
import { addSelectionOptions, selectionOf, withSelectionHint, type SelectionFlags } from '../selection-flags.js';

/** The flags of `tlap sample`. */
interface SampleFlags extends SelectionFlags {
  store: string;
  themes: string;
  size: string;
  seed: string;
  out?: string;
}

const STDOUT_PATH = '-';
const DEFAULT_STORE = '.tlap';
const DEFAULT_THEMES = 'themes.yaml';

/** What `tlap sample` does without selection flags, as a hint says it. */
const WITHOUT_SELECTION = 'tlap sample without them draws from the whole store';

function wholeNumber(value: string, flag: string, least: number): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < least) {
    throw new UsageError(`${flag} takes a whole number of at least ${least}, not "${value}"`, { code: 'BAD_SAMPLE_SIZE' });
  }
  return number;
}

/** The `tlap eval` that scores the sheet, with the store and codebook this sample was drawn with when they are not the defaults. */
function evalCommandLine(flags: SampleFlags, out: string): string {
  const store = flags.store === DEFAULT_STORE ? [] : ['--store', flags.store];
  const themes = flags.themes === DEFAULT_THEMES ? [] : ['--themes', flags.themes];
  return ['tlap', 'eval', ...store, ...themes, '--gold', out].map(shellWord).join(' ');
}

/**
 * Refuses to draw a sample over a coding sheet that holds coded rows: the sheet is hours of a
 * person's work, and the new sample would replace it whole. Any other file is replaced as before.
 */
async function refuseCodedSheet(path: string, out: string): Promise<void> {
  const { readGoldFile } = await import('../../stats/gold-file.js');
  const existing = await readGoldFile(path, out).catch(() => null);
  const coded = existing?.sample === null || existing === null ? 0 : existing.entries.length;
  if (coded === 0) return;
  throw new UsageError(`${out} is a coding sheet with ${coded} coded row${coded === 1 ? '' : 's'}; a new sample would replace it`, {
    hint: `draw it into another file (tlap sample --out ${out.replace(/(\.[^./]*)?$/u, '-2$1')}), or move ${out} away first`,
    code: 'CODED_SHEET_EXISTS',
  });
}

/** Spreadsheet files a coding sheet is not written as: a CSV written under such a name would not open. */
const UNWRITTEN_SHEET = /\.(?:ods|fods|ots|xls|xlsm|numbers)$/iu;

/** Refuses an output name whose extension promises a spreadsheet tlap does not write, naming the ones it writes. */
function refuseUnwrittenSheet(out: string): void {
  const extension = UNWRITTEN_SHEET.exec(out)?.[0];
  if (extension === undefined) return;
  throw new UsageError(`tlap sample writes a coding sheet as CSV (.csv) or as an Excel workbook (.xlsx), not as ${extension}`, {
    hint: `name it ${out.slice(0, -extension.length)}.xlsx (LibreOffice Calc opens it, and tlap eval and tlap agree read it back saved as .ods or .xls too) or ${out.slice(0, -extension.length)}.csv`,
    code: 'SHEET_FORMAT_NOT_WRITTEN',
  });
}

/** Registers `tlap sample`. */
export function registerSampleCommand(program: Command, { io, messages, setExitCode }: CommandContext): void {
  const command = program
    .command('sample')
    .description(COMMAND_DESCRIPTIONS.sample)
    .option('--store <dir>', 'the record store folder', DEFAULT_STORE)
    .option('--themes <file>', "the codebook: its themes are the sheet's columns, its redact: policy what is hidden", DEFAULT_THEMES)
    .option('--size <n>', 'how many records to draw', '200')
    .option('--seed <n>', 'another seed draws another sample; the same seed, the same one', '1')
    .option(
      '--out <file>',
      'write the sheet to this file (atomically): CSV, or an Excel workbook when it ends in .xlsx; - or none for stdout',
    );
  addSelectionOptions(command, 'draw from').addHelpText(
    'after',
    `
Examples:
  tlap sample --out coding.csv                    200 records drawn at random, to code by hand
  tlap sample --out coding.xlsx                   the same sheet as an Excel workbook (ids kept as text)
  tlap eval --gold coding.csv                     the codebook scored on the rows marked coded
  tlap sample --size 100 --channel email --out email-coding.csv   a sample of the e-mails only
  tlap sample --seed 2 --out more-coding.csv      another sample (the same seed gives the same one)
  cp coding.csv coder-b.csv                       a second coder codes a copy of the same sheet, for tlap agree`,
  );
  command.action(async (flags: SampleFlags) => {
    const output = messages();
    const size = wholeNumber(flags.size, '--size', 1);
    const seed = wholeNumber(flags.seed, '--seed', 0);
    const selection = selectionOf(flags);
    if (flags.out !== undefined) refuseUnwrittenSheet(flags.out);
    const { loadCodebookForCli } = await import('../codebook-loading.js');
    const { drawStoreSample, renderCodingSheet, renderCodingWorkbook } = await import('../../run/coding-sample.js');
    const { createRedactor } = await import('../../report/publication-redactor.js');
    const codebook = await loadCodebookForCli(io, output, flags.themes);
    const sample = await drawStoreSample(resolve(io.cwd, flags.store), { size, seed, selection }).catch((error: unknown) => {
      throw withSelectionHint(error, WITHOUT_SELECTION);
    });
    const out = flags.out ?? STDOUT_PATH;
    if (out !== STDOUT_PATH) await refuseCodedSheet(resolve(io.cwd, out), out);
    const redact = createRedactor(codebook);
    if (out === STDOUT_PATH) io.stdout.write(renderCodingSheet(sample, codebook, redact));
    else {
      const sheet = /\.xlsx$/iu.test(out)
        ? await renderCodingWorkbook(sample, codebook, redact)
        : renderCodingSheet(sample, codebook, redact);
      const { writeFileAtomically } = await import('../../store/atomic-write.js');
      await writeFileAtomically(
        resolve(io.cwd, out),
        (async function* () {
          yield sheet;
        })(),
        out,
      );
    }
    const drawn = sample.records.length;
    const from = sample.population;
    const where = out === STDOUT_PATH ? '' : ` into ${out}`;
    output.note(
      drawn < size
        ? `drew all ${formatCount(drawn)} records the selection holds${where} (fewer than --size ${size})`
        : `drew ${formatCount(drawn)} of ${formatCount(from)} records at random (seed ${seed})${where}`,
    );
    if (out !== STDOUT_PATH) {
      output.note(
        `code each row in order: put 1 under every theme it is about and 1 in its coded cell, then run ${evalCommandLine(flags, out)}`,
      );
    }
    setExitCode(ExitCode.Ok);
  });
}
