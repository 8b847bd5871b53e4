/** Reads the rounds of a series: a folder's statement files, or files named one by one. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Statement } from '../model/statement.js';
import { orderRounds } from '../series/build-series.js';
import { sha256 } from '../util/sha256.js';
import type { LoadOptions } from './load-statement.js';
import { readSeriesConfig, statementFromInput } from './load-statement.js';
import { loadStatements } from './load-statements.js';
import { readBytes } from './read-input.js';
import { expandInputs, seriesFiles } from './series-files.js';

export { expandInputs, seriesFiles } from './series-files.js';

/** Loads every round (in the order given; the series builder orders them by date), in parallel when large. */
export async function loadSeries(
  inputs: readonly string[],
  options: LoadOptions = {},
  jobs = 1,
): Promise<Statement[]> {
  return loadStatements(expandInputs(inputs), options, jobs);
}

/** A series folder read once: the bytes and SHA-256 of every round and of its `series.yaml`. */
export interface SeriesFolder {
  readonly folder: string;
  /** The round files, sorted (see {@link seriesFiles}). */
  readonly rounds: readonly string[];
  /** `series.yaml` when the folder has one. */
  readonly config?: string;
  readonly bytes: ReadonlyMap<string, Buffer>;
  readonly sha256: ReadonlyMap<string, string>;
}

/**
 * Reads a series folder's files with the size limit (a FIFO or a device among the rounds must not
 * hang the run): what the archive reports and the archive database both start from.
 */
export function readSeriesFolder(folder: string, maxBytes?: number): SeriesFolder {
  const rounds = seriesFiles(folder);
  const configFile = join(folder, 'series.yaml');
  const config = existsSync(configFile) ? configFile : undefined;
  const bytes = new Map<string, Buffer>();
  for (const f of rounds) bytes.set(f, readBytes(f, maxBytes === undefined ? {} : { maxBytes }));
  if (config) bytes.set(config, readBytes(config, { kind: 'series config' }));
  const hashes = new Map([...bytes].map(([f, b]) => [f, sha256(b)]));
  return { folder, rounds, ...(config ? { config } : {}), bytes, sha256: hashes };
}

/**
 * The rounds of a folder read by {@link readSeriesFolder}, parsed and analysed in date order, each
 * named relative to `base` (`statements/<series>/<file>`) so reports do not depend on the working
 * directory; and the folder's display title from its `series.yaml`.
 */
export async function statementsOfFolder(
  input: SeriesFolder,
  base: string,
  options: LoadOptions = {},
): Promise<{ statements: Statement[]; title?: string }> {
  const read: Statement[] = [];
  for (const f of input.rounds)
    read.push(
      await statementFromInput(input.bytes.get(f) as Buffer, relative(base, f), {
        ...options,
        configDir: input.folder,
      }),
    );
  const title = readSeriesConfig(input.folder).title;
  return { statements: orderRounds(read), ...(title ? { title } : {}) };
}
