/**
 * Whole series results cached by the hash of their inputs: a second `series` over unchanged
 * rounds reads one file instead of parsing and aligning every pair again (issue 13: warm
 * `series` over the FOMC corpus). Keyed like the parse cache (docs/decisions/005): the tool's
 * fingerprint, the options that change the result, and the bytes of every input and config.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../model/statement.js';
import type { SeriesReport } from '../model/series.js';
import { isUrl } from './fetch-input.js';
import type { LoadOptions } from './load-statement.js';
import { readBytes } from './read-input.js';
import { toolFingerprint } from './tool-fingerprint.js';
import { writeAtomic } from './write-atomic.js';

/** What a cached series holds: the report and the diagnostics of its rounds. */
export interface CachedSeries {
  readonly report: SeriesReport;
  readonly diagnostics: readonly (Diagnostic & { file: string })[];
}

/**
 * The cache key of a series of `files`, or undefined when one of them cannot be keyed (stdin, a
 * URL). The `series.yaml` of their folder is part of the key, so its title and settings are too.
 */
export function seriesCacheKey(files: readonly string[], options: LoadOptions): string | undefined {
  if (files.some((f) => f === '-' || isUrl(f))) return undefined;
  const hash = createHash('sha256');
  for (const part of [
    'series',
    toolFingerprint(),
    options.format ?? '',
    String(options.maxBytes ?? ''),
  ])
    hash.update(`${part}\0`);
  if (options.lexiconFile) hash.update(readBytes(options.lexiconFile, { kind: 'lexicon file' }));
  const configs = new Set<string>();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(
      createHash('sha256')
        .update(
          readBytes(file, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
        )
        .digest('hex'),
    );
    configs.add(join(options.configDir ?? dirname(file), 'series.yaml'));
  }
  for (const config of [...configs].sort()) {
    hash.update(`${config}\0`);
    if (existsSync(config)) hash.update(readBytes(config, { kind: 'series config' }));
  }
  return hash.digest('hex');
}

/** The cached series of `key` in `dir`, if there is one that can be read. */
export function readCachedSeries(dir: string, key: string): CachedSeries | undefined {
  const file = join(dir, `${key}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CachedSeries;
  } catch {
    return undefined; // a damaged entry is computed again and rewritten
  }
}

/** Keeps `value` under `key` in `dir`; a folder that cannot be written only costs time. */
export function writeCachedSeries(dir: string, key: string, value: CachedSeries): void {
  try {
    writeAtomic(join(dir, `${key}.json`), JSON.stringify(value));
  } catch {
    // The cache is an optimisation.
  }
}

/**
 * A rendered report of a cached series: its text, the diagnostics to print after it and whether
 * any round changed (the exit code), so that a warm run neither parses the report nor renders it
 * again (on the 162 FOMC rounds that was most of a warm run after the process start).
 */
export interface CachedRendering {
  readonly text: string;
  readonly diagnostics: readonly (Diagnostic & { file: string })[];
  readonly changed: boolean;
}

/** The file of the rendering of `key` in `variant` (the format and its options, as one word). */
function renderingFile(dir: string, key: string, variant: string): string {
  const tag = createHash('sha256').update(variant).digest('hex').slice(0, 16);
  return join(dir, `${key}.${tag}.render.json`);
}

/** The rendering of `key` in `variant`, if one was kept and can be read. */
export function readCachedRendering(
  dir: string,
  key: string,
  variant: string,
): CachedRendering | undefined {
  const file = renderingFile(dir, key, variant);
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as CachedRendering & { variant?: string };
    return entry.variant === variant && typeof entry.text === 'string' ? entry : undefined;
  } catch {
    return undefined; // a damaged entry is rendered again and rewritten
  }
}

/** Keeps the rendering of `key` in `variant`; a folder that cannot be written only costs time. */
export function writeCachedRendering(
  dir: string,
  key: string,
  variant: string,
  value: CachedRendering,
): void {
  try {
    writeAtomic(renderingFile(dir, key, variant), JSON.stringify({ variant, ...value }));
  } catch {
    // The cache is an optimisation.
  }
}
