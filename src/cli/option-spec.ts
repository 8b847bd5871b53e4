/**
 * Commands whose options are data: declared to yargs from it, and read from it without yargs on
 * the quick path of `search`, `history` and `series` (src/cli/quick-run.ts), where loading yargs
 * would be about half of a query's time.
 */
import type { Argv } from 'yargs';
import type { Args } from './command.js';

/** One option, as yargs declares it. */
export interface OptionSpec {
  readonly type: 'string' | 'number' | 'boolean';
  readonly describe: string;
  /** A one-letter alias (`-f`). */
  readonly alias?: string;
  readonly choices?: readonly string[];
  readonly default?: string | number | boolean;
}

/** The positional and the options of a command. */
export interface CommandSpec {
  readonly positional: {
    readonly name: string;
    readonly describe: string;
    /** One or more values (`<inputs..>`). */
    readonly array?: boolean;
  };
  readonly options: Readonly<Record<string, OptionSpec>>;
}

/** Declares `spec` to yargs. */
export function declareOptions(yargs: Argv, spec: CommandSpec): Argv {
  const out: Argv = yargs.positional(spec.positional.name, {
    type: 'string',
    describe: spec.positional.describe,
    ...(spec.positional.array ? { array: true } : {}),
  });
  return declareOptionRecord(out, spec.options);
}

/** Declares `options` to yargs. */
export function declareOptionRecord(
  yargs: Argv,
  options: Readonly<Record<string, OptionSpec>>,
): Argv {
  let out = yargs;
  for (const [name, o] of Object.entries(options)) {
    out = out.option(name, {
      type: o.type,
      describe: o.describe,
      ...(o.alias ? { alias: o.alias } : {}),
      ...(o.choices ? { choices: [...o.choices] } : {}),
      ...(o.default !== undefined ? { default: o.default } : {}),
    });
  }
  return out;
}

/**
 * The arguments of `argv` (`<command> <positional> [options]`) as yargs would give the command,
 * or undefined for anything but a plain valid command line (help, an unknown or repeated option,
 * a missing or extra positional, a value out of its choices, `--`): yargs then reads it, and
 * says what is wrong.
 */
export function quickParse(argv: readonly string[], spec: CommandSpec): Args | undefined {
  const [name, ...rest] = argv;
  if (name === undefined) return undefined;
  const byAlias = new Map<string, string>();
  for (const [option, o] of Object.entries(spec.options)) if (o.alias) byAlias.set(o.alias, option);
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  let debug = false;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as string;
    if (!token.startsWith('-') || token === '-') {
      if (positionals.length > 0 && !spec.positional.array) return undefined;
      positionals.push(token);
      continue;
    }
    if (token === '--debug') {
      debug = true;
      continue;
    }
    const long = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(token);
    const short = /^-([a-zA-Z])$/.exec(token);
    let option = long ? long[1] : short ? byAlias.get(short[1] as string) : undefined;
    let inline = long ? long[2] : undefined;
    let negated = false;
    if (
      option?.startsWith('no-') &&
      Object.hasOwn(spec.options, option.slice(3)) &&
      spec.options[option.slice(3)]?.type === 'boolean'
    ) {
      option = option.slice(3);
      negated = true;
    }
    // Own keys only: "--constructor" is no option of ours.
    const o =
      option !== undefined && Object.hasOwn(spec.options, option)
        ? spec.options[option]
        : undefined;
    if (!o || option === undefined || option in values) return undefined;
    if (o.type === 'boolean') {
      if (inline !== undefined) return undefined;
      values[option] = !negated;
      continue;
    }
    if (negated) return undefined;
    if (inline === undefined) {
      inline = rest[++i];
      if (inline === undefined || inline.startsWith('-')) return undefined;
    }
    if (o.choices && !o.choices.includes(inline)) return undefined;
    if (o.type === 'number') {
      const n = Number(inline);
      if (inline.trim() === '' || !Number.isFinite(n)) return undefined;
      values[option] = n;
    } else values[option] = inline;
  }
  // yargs reads a lone "-" as an empty string (cli/options.ts fileArg): leave it to yargs.
  if (positionals.length === 0 || positionals.includes('-')) return undefined;
  const args: Record<string, unknown> = {
    _: [name],
    debug,
    [spec.positional.name]: spec.positional.array ? positionals : positionals[0],
  };
  for (const [option, o] of Object.entries(spec.options)) {
    const value = option in values ? values[option] : o.default;
    if (value === undefined) continue;
    args[option] = value;
    if (o.alias) args[o.alias] = value;
  }
  return args as Args;
}
