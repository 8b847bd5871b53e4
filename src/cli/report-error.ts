/** How the CLI reports what stopped a command: a user error in one line, a bug with a way to see more. */
import { isUserError } from '../model/errors.js';
import { EXIT_TROUBLE } from './exit-codes.js';
import type { Io } from './io.js';

/** Writes `error` to standard error and returns the exit code (2). */
export function reportError(error: unknown, io: Io, debug: boolean): number {
  if (isUserError(error)) {
    io.stderr(`statement-diff: ${error.format()}\n`);
    return EXIT_TROUBLE;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  io.stderr(`statement-diff: internal error (this is a bug; please report it): ${err.message}\n`);
  if (debug && err.stack) io.stderr(`${err.stack}\n`);
  else io.stderr('Run again with --debug to see the stack trace.\n');
  return EXIT_TROUBLE;
}
