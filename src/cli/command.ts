/** The shape of one CLI command module. */
import type { Argv } from 'yargs';
import type { Io } from './io.js';

/** Parsed arguments as yargs gives them. */
export type Args = Readonly<Record<string, unknown>> & { readonly _: readonly (string | number)[] };

/** One command: how yargs declares it, and what it does. */
export interface Command {
  /** yargs command string, e.g. `compare <before> <after>`. */
  readonly command: string;
  /** One line for the command list. */
  readonly describe: string;
  /** Declares positionals, options and examples. */
  readonly builder: (yargs: Argv) => Argv;
  /** Runs the command; returns the exit code. */
  readonly execute: (args: Args, io: Io) => Promise<number>;
}
