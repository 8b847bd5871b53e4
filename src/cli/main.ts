/** The CLI's entry: the quick path of the archive queries when it applies, else the yargs CLI. */
import type { Io } from './io.js';
import { quickRun } from './quick-run.js';

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  return (await quickRun(argv, io)) ?? (await (await import('./run.js')).run(argv, io));
}
