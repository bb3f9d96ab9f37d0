import { describe, expect, test } from '@jest/globals';
import { Command, Help } from 'commander';
import { COMMAND_LIST, commandNamed, type RegisterCommands } from '../../src/cli/command-list.js';
import type { CommandContext } from '../../src/cli/command-context.js';
import { runCli } from '../builders/cli-runner.js';

/** A context for registering commands that are never run. */
const NOT_RUN: CommandContext = {
  io: { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: {} },
  messages: () => {
    throw new Error('not run');
  },
  setExitCode: () => undefined,
  colourFor: () => false,
};

describe('the command list', () => {
  test('lists each command as its module registers it: name, order, term and description', async () => {
    const program = new Command('tlap');
    const registered = new Set<RegisterCommands>();
    for (const listing of COMMAND_LIST) {
      const register = await listing.load();
      if (!registered.has(register)) register(program, NOT_RUN);
      registered.add(register);
    }
    const help = new Help();
    expect(program.commands.map((command) => [command.name(), help.subcommandTerm(command), command.description()])).toEqual(
      COMMAND_LIST.map((listing) => [listing.name, listing.term, listing.description]),
    );
  });

  test('the command a command line names is its first word that is not an option, or the word after help', () => {
    expect(commandNamed(['--verbose', 'themes', '--out', 'x.md'])?.name).toBe('themes');
    expect(commandNamed(['help', 'forget'])?.name).toBe('forget');
    expect(commandNamed(['--help'])).toBeUndefined();
    expect(commandNamed(['themse'])).toBeUndefined();
  });

  test('the top-level help lists every command by its term, and an unknown command gets a suggestion', async () => {
    const topLevel = await runCli(['--help'], { cwd: process.cwd() });
    expect((await runCli(['help'], { cwd: process.cwd() })).stdout).toBe(topLevel.stdout);
    for (const listing of COMMAND_LIST) expect(topLevel.stdout).toContain(`  ${listing.term}`);
    expect((await runCli(['themse'], { cwd: process.cwd() })).stderr).toContain('Did you mean themes?');
  });
});
