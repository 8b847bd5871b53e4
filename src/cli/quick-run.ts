/**
 * The quick path: `search`, `history` and `series` with a plain valid command line run without
 * loading yargs, which is about half of a query's time and a third of a warm series (bench/README.md
 * § Archive database). Anything else, help and mistakes included, returns undefined: run.ts reads it.
 */
import type { Command } from './command.js';
import type { Io } from './io.js';
import type { CommandSpec } from './option-spec.js';
import { quickParse } from './option-spec.js';
import { reportError } from './report-error.js';

const QUICK: Readonly<Record<string, () => Promise<{ command: Command; spec: CommandSpec }>>> = {
  search: async () => {
    const m = await import('./commands/search.js');
    return { command: m.searchCommand, spec: m.SEARCH_SPEC };
  },
  history: async () => {
    const m = await import('./commands/history.js');
    return { command: m.historyCommand, spec: m.HISTORY_SPEC };
  },
  series: async () => {
    const m = await import('./commands/series.js');
    return { command: m.seriesCommand, spec: m.SERIES_SPEC };
  },
};

/** Runs `argv` on the quick path and returns its exit code, or undefined when it does not apply. */
export async function quickRun(argv: readonly string[], io: Io): Promise<number | undefined> {
  const load = Object.hasOwn(QUICK, argv[0] ?? '') ? QUICK[argv[0] as string] : undefined;
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
