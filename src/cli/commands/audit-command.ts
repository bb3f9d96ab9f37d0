import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';

/** The flags of `tlap audit`. */
interface AuditFlags {
  store: string;
  themes: string;
  json?: boolean;
}

/** Registers `tlap audit`. */
export function registerAuditCommand(program: Command, { io, messages, setExitCode }: CommandContext): void {
  program
    .command('audit')
    .description(COMMAND_DESCRIPTIONS.audit)
    .option('--store <dir>', 'the record store folder', '.tlap')
    .option('--themes <file>', 'the codebook', 'themes.yaml')
    .option('--json', 'print the audit as JSON')
    .addHelpText(
      'after',
      `
Examples:
  tlap audit                       every keyword: records hit, records it alone themes, words matched
  tlap audit --json | jq '.problems'`,
    )
    .action(async (flags: AuditFlags) => {
      const [{ auditStore }, { renderAuditText }] = await Promise.all([
        import('../../analysis/analysis-runs.js'),
        import('../../analysis/analysis-text.js'),
      ]);
      const { loadCodebookForCli } = await import('../codebook-loading.js');
      const codebook = await loadCodebookForCli(io, messages(), flags.themes);
      const report = await auditStore(resolve(io.cwd, flags.store), codebook);
      io.stdout.write(flags.json === true ? `${JSON.stringify(report)}\n` : renderAuditText(report));
      setExitCode(ExitCode.Ok);
    });
}
