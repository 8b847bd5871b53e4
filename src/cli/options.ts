/** Options shared by the commands that read statements, and helpers to read them from args. */
import type { Argv } from 'yargs';
import { DEFAULT_TIMEOUT_MS } from '../archive/fetch-input.js';
import type { LoadOptions } from '../archive/load-statement.js';
import { UserError } from '../model/errors.js';
import { INPUT_FORMATS } from '../parse/detect-format.js';
import type { Args } from './command.js';
import type { Io } from './io.js';
import type { OptionSpec } from './option-spec.js';
import { declareOptionRecord } from './option-spec.js';

/** Folder of the URL cache, relative to the working directory (STATEMENT_DIFF_URL_CACHE overrides it). */
export const URL_CACHE_DIR = '.cache/urls';

/** `--input-format`, `--lexicon`, `--max-bytes`, `--timeout` and `--refresh`, as data. */
export const INPUT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'input-format': {
    type: 'string',
    choices: INPUT_FORMATS,
    describe: 'Read inputs as this format (default: from the extension, then the content)',
  },
  lexicon: { type: 'string', describe: 'YAML file of extra speech acts and strength words' },
  'max-bytes': {
    type: 'number',
    default: 50 * 1024 * 1024,
    describe: 'Largest input accepted, in bytes',
  },
  timeout: {
    type: 'number',
    default: DEFAULT_TIMEOUT_MS / 1000,
    describe: 'Longest wait for a URL to answer, in seconds',
  },
  refresh: {
    type: 'boolean',
    default: false,
    describe: `Fetch URLs again instead of reading them from ${URL_CACHE_DIR}/`,
  },
};

/** Declares {@link INPUT_OPTIONS}. */
export function withInputOptions(yargs: Argv): Argv {
  return declareOptionRecord(yargs, INPUT_OPTIONS);
}

/** `--cache` (on by default; `--no-cache` turns it off), as data. */
export const CACHE_OPTION: Readonly<Record<string, OptionSpec>> = {
  cache: {
    type: 'boolean',
    default: true,
    describe:
      'Reuse parsed statements from .cache/statements/ (keyed by content hash); --no-cache to skip',
  },
};

/** Declares {@link CACHE_OPTION}. */
export function withCacheOption(yargs: Argv): Argv {
  return declareOptionRecord(yargs, CACHE_OPTION);
}

/** Folder of the parse cache, relative to the working directory. */
export const CACHE_DIR = '.cache/statements';

/** The load options the input flags ask for. */
export function loadOptionsOf(args: Args, io: Io): LoadOptions {
  const maxBytes = args['max-bytes'];
  if (typeof maxBytes !== 'number' || !Number.isFinite(maxBytes) || maxBytes <= 0) {
    throw new UserError('E_OPTION', `--max-bytes is ${String(maxBytes)}`, {
      expected: 'a positive number of bytes',
    });
  }
  const timeout = args['timeout'] ?? DEFAULT_TIMEOUT_MS / 1000;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    throw new UserError('E_OPTION', `--timeout is ${String(timeout)}`, {
      expected: 'a positive number of seconds',
    });
  }
  return {
    maxBytes,
    readStdin: io.readStdin,
    fetch: {
      timeoutMs: timeout * 1000,
      cacheDir: io.env['STATEMENT_DIFF_URL_CACHE'] || URL_CACHE_DIR,
      refresh: args['refresh'] === true,
    },
    ...(typeof args['input-format'] === 'string' ? { format: args['input-format'] } : {}),
    ...(typeof args['lexicon'] === 'string' ? { lexiconFile: args['lexicon'] } : {}),
    ...(args['cache'] === true ? { cacheDir: CACHE_DIR } : {}),
  };
}

/** True when colour should be used: a terminal, no NO_COLOR, no --no-color; FORCE_COLOR wins. */
export function useColor(args: Args, io: Io): boolean {
  if (args['color'] === false) return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  return io.isTTY;
}

/** A file positional: yargs reads a lone `-` as an empty string; it means standard input. */
export function fileArg(args: Args, name: string): string {
  const value = args[name];
  return value === '' || value === '-' ? '-' : String(value);
}

/** The `--jobs` value: a whole number from 1. */
export function jobsOf(args: Args): number {
  const jobs = args['jobs'];
  if (jobs === undefined) return 1;
  if (typeof jobs !== 'number' || !Number.isInteger(jobs) || jobs < 1) {
    throw new UserError('E_OPTION', `--jobs is ${String(jobs)}`, {
      expected: 'a whole number from 1',
    });
  }
  return jobs;
}

/** Declares `--jobs`, the worker threads that parse large inputs (docs/decisions/012). */
export function withJobsOption(yargs: Argv): Argv {
  return declareOptionRecord(yargs, JOBS_OPTION);
}

/** `--jobs`, as data. */
export const JOBS_OPTION: Readonly<Record<string, OptionSpec>> = {
  jobs: {
    type: 'number',
    describe: 'Parse large inputs in this many worker threads (default: 1, the main thread)',
  },
};

/** Widest terminal output accepted: wider lines only cost memory (a padded series table). */
export const MAX_WIDTH = 1000;

/** The `--width` value: a whole number of columns from `least` to {@link MAX_WIDTH}. */
export function widthOf(args: Args, least: number, fallback: number): number {
  const width = args['width'];
  if (width === undefined) return fallback;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < least || width > MAX_WIDTH) {
    throw new UserError('E_OPTION', `--width is ${String(width)}`, {
      expected: `a whole number of columns from ${least} to ${MAX_WIDTH}`,
    });
  }
  return width;
}

/** Declares `--format` (with its choices) and `--out`, the output options of `compare` and `series`. */
export function withOutputOptions(yargs: Argv, formats: readonly string[]): Argv {
  return declareOptionRecord(yargs, outputOptions(formats));
}

/** `--format` (with its choices) and `--out`, as data. */
export function outputOptions(formats: readonly string[]): Readonly<Record<string, OptionSpec>> {
  return {
    format: {
      alias: 'f',
      type: 'string',
      choices: [...formats],
      describe: 'Output format (default: terminal, or from the --out extension)',
    },
    out: {
      alias: 'o',
      type: 'string',
      describe: 'Write to this file (atomically) instead of stdout',
    },
  };
}
