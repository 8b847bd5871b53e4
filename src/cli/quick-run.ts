/**
 * The quick path: `search`, `history` and `series` with a plain valid command line run without
 * loading yargs, which is about half of a query's time and a third of a warm series (bench/README.md
 * § Archive database). Anything else, help and mistakes included, returns undefined: run.ts reads it.
 */
import type { Io } from './io.js';
import type { QuickLoader } from './quick-query.js';
import { QUERY_COMMANDS, runQuick } from './quick-query.js';

const QUICK: Readonly<Record<string, QuickLoader>> = {
  ...QUERY_COMMANDS,
  series: async () => {
    const m = await import('./commands/series.js');
    return { command: m.seriesCommand, spec: m.SERIES_SPEC };
  },
};

/** Runs `argv` on the quick path and returns its exit code, or undefined when it does not apply. */
export async function quickRun(argv: readonly string[], io: Io): Promise<number | undefined> {
  return runQuick(argv, io, QUICK);
}
