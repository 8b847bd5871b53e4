/** The CLI: parses arguments with yargs, dispatches to a command, maps errors to exit codes. */
import yargs from 'yargs';
import { UserError } from '../model/errors.js';
import { reportError } from './report-error.js';
import { TOOL_VERSION } from '../version.js';
import type { Args, Command } from './command.js';
import { compareCommand } from './commands/compare.js';
import { gitDiffCommand } from './commands/git-diff.js';
import { historyCommand } from './commands/history.js';
import { indexCommand } from './commands/index-archive.js';
import { searchCommand } from './commands/search.js';
import { exportCommand } from './commands/export-archive.js';
import { parseCommand } from './commands/parse.js';
import { reportCommand } from './commands/report.js';
import { seriesCommand } from './commands/series.js';
import type { Io } from './io.js';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  compareCommand,
  seriesCommand,
  reportCommand,
  parseCommand,
  indexCommand,
  searchCommand,
  historyCommand,
  exportCommand,
  gitDiffCommand,
];

function buildParser(): ReturnType<typeof yargs> {
  let parser = yargs()
    .scriptName('statement-diff')
    .usage(
      '$0 <command> [options]\n\nWhat changed between successive rounds of an official statement.',
    )
    .option('debug', {
      type: 'boolean',
      default: false,
      describe: 'Show stack traces of internal errors',
    })
    .demandCommand(1, 'Name a command: compare, series, report or parse.')
    .recommendCommands()
    .strict()
    .wrap(100)
    .help()
    .alias('h', 'help')
    .version(TOOL_VERSION)
    .epilogue(
      'Exit codes: 0 no differences, 1 differences, 2 trouble (bad input or options).\n' +
        'Docs: docs/how-it-works.md, docs/report-schema.md, docs/errors.md',
    )
    .exitProcess(false);
  for (const command of COMMANDS) {
    parser = parser.command(command.command, command.describe, command.builder);
  }
  skipHelpCache(parser);
  return parser;
}

/**
 * yargs renders the whole help text of a command each time the command runs, in case the handler
 * asks for it later (command.js, cacheHelpMessage): ~30 ms of string-width per run. Our handlers
 * run after parsing and never show help, and help asked for with --help is rendered before that
 * point, so the cache is never read: turn it off (issue 5: fixed overhead).
 */
function skipHelpCache(parser: ReturnType<typeof yargs>): void {
  const internal = parser as unknown as {
    getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
  };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/** What yargs makes of `argv`: the arguments, the text it printed (help, version), or its error. */
export async function parseCommandLine(
  argv: readonly string[],
): Promise<{ args: Args; output: string; error: Error | undefined }> {
  const parser = buildParser();
  return new Promise((resolve) => {
    void parser.parse([...argv], {}, (err: Error | undefined, parsed: unknown, out: string) => {
      resolve({ args: parsed as Args, output: out, error: err ?? undefined });
    });
  });
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { args, output, error } = await parseCommandLine(argv);
    if (error) {
      throw new UserError('E_USAGE', error.message, {
        expected: 'a valid command line; see statement-diff --help',
      });
    }
    if (output) {
      io.stdout(output.endsWith('\n') ? output : `${output}\n`);
      return 0;
    }
    const name = String(args._[0] ?? '');
    const command = COMMANDS.find((c) => c.command.split(' ')[0] === name);
    if (!command)
      throw new UserError('E_USAGE', `unknown command "${name}"`, {
        expected: 'compare, series, report or parse',
      });
    return await command.execute(args, io);
  } catch (error) {
    return reportError(error, io, debug);
  }
}
