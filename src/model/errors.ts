/** Errors a user can act on, kept apart from internal failures (bugs). */

/** Where in an input a user error was found. */
export interface ErrorLocation {
  /** The file as the user named it (`-` for stdin). */
  readonly file: string;
  /** 1-based line, when one can be named. */
  readonly line?: number;
  /** 1-based column, when one can be named. */
  readonly column?: number;
}

/**
 * A problem with the user's input or invocation: the CLI prints its message without a stack
 * trace and exits with code 2. Messages say what was found and what was expected.
 */
export class UserError extends Error {
  /** Stable machine-readable code, listed in docs/errors.md (e.g. `E_YAML`). */
  readonly code: string;
  /** Where the problem is, if it is in an input. */
  readonly location: ErrorLocation | undefined;
  /** What was expected instead, in a phrase. */
  readonly expected: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { location?: ErrorLocation; expected?: string } = {},
  ) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.location = options.location;
    this.expected = options.expected;
  }

  /** `file:line:column: message (expected …)`, the form the CLI prints. */
  format(): string {
    const where = this.location
      ? [this.location.file, this.location.line, this.location.column]
          .filter((part) => part !== undefined)
          .join(':') + ': '
      : '';
    const expected = this.expected ? `; expected ${this.expected}` : '';
    return `${where}${this.message}${expected} [${this.code}]`;
  }
}

/** True when `error` is a {@link UserError}. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
