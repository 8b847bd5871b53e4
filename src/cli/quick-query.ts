/**
 * The archive queries' quick path: `search` and `history` with a plain valid command line, run
 * without yargs. This module and what it imports are also bundled into one file by `npm run build`
 * (dist/cli/query.bundle.js, decision 025), which bin.ts loads for these two commands: one file
 * compiles in a few milliseconds where ~100 ES modules take ~30 ms to resolve and link. Anything
 * else, help and mistakes included, returns undefined before writing a byte: the caller then runs
 * the full CLI.
 */
import type { Command } from './command.js';
import type { Io } from './io.js';
import type { CommandSpec } from './option-spec.js';
import { quickParse } from './option-spec.js';
import { reportError } from './report-error.js';

export { processIo } from './io.js';

/** A command the quick path may run, loaded on first use. */
export type QuickLoader = () => Promise<{ command: Command; spec: CommandSpec }>;

/** The commands this module runs itself; the bundle holds these and nothing else. */
export const QUERY_COMMANDS: Readonly<Record<string, QuickLoader>> = {
  search: async () => {
    const m = await import('./commands/search.js');
    return { command: m.searchCommand, spec: m.SEARCH_SPEC };
  },
  history: async () => {
    const m = await import('./commands/history.js');
    return { command: m.historyCommand, spec: m.HISTORY_SPEC };
  },
};

/** Runs `argv` with one of `commands`; its exit code, or undefined when the quick path does not apply. */
export async function runQuick(
  argv: readonly string[],
  io: Io,
  commands: Readonly<Record<string, QuickLoader>> = QUERY_COMMANDS,
): Promise<number | undefined> {
  const load = Object.hasOwn(commands, argv[0] ?? '') ? commands[argv[0] as string] : undefined;
  if (!load) return undefined;
  const { command, spec } = await load();
  const args = quickParse(argv, spec);
  if (!args) return undefined;
  try {
    return await command.execute(args, io);
  } catch (error) {
    return reportError(error, io, args['debug'] === true);
  }
}
