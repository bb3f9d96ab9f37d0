import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';

/** The flags of `tlap gaps`. */
interface GapsFlags {
  store: string;
  themes: string;
  json?: boolean;
  discover?: boolean;
}

/** Registers `tlap gaps`. */
export function registerGapsCommand(program: Command, { io, messages, setExitCode }: CommandContext): void {
  program
    .command('gaps')
    .description(COMMAND_DESCRIPTIONS.gaps)
    .option('--store <dir>', 'the record store folder', '.tlap')
    .option('--themes <file>', 'the codebook', 'themes.yaml')
    .option('--discover', 'no codebook: propose a starter codebook from groups of co-occurring terms')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  tlap gaps                          words over-represented in unthemed records, in context, and a theme stub
  tlap gaps --discover > start.yaml  a starter codebook for a new consultation`,
    )
    .action(async (flags: GapsFlags) => {
      const [{ gapsOfStore, discoverInStore }, { renderGapsText, renderDiscoverText }] = await Promise.all([
        import('../../analysis/analysis-runs.js'),
        import('../../analysis/analysis-text.js'),
      ]);
      const storeDir = resolve(io.cwd, flags.store);
      if (flags.discover === true) {
        const report = await discoverInStore(storeDir);
        io.stdout.write(flags.json === true ? `${JSON.stringify(report)}\n` : renderDiscoverText(report));
      } else {
        const { loadCodebookForCli } = await import('../codebook-loading.js');
        const codebook = await loadCodebookForCli(io, messages(), flags.themes);
        const report = await gapsOfStore(storeDir, codebook);
        io.stdout.write(flags.json === true ? `${JSON.stringify(report)}\n` : renderGapsText(report));
      }
      setExitCode(ExitCode.Ok);
    });
}
