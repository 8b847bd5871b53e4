/** Reads a statement from a file or stdin, with its series config, and runs parse + analyse. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Document } from 'yaml';
import { isMap, isNode, isScalar, parseDocument } from 'yaml';
import type { ActorConfig } from '../analyse/analyse-statement.js';
import { analyseStatement } from '../analyse/analyse-statement.js';
import type { Lexicon, LexiconSpec, LineOf } from '../analyse/lexicon.js';
import {
  compileLexicon,
  defaultLexiconSpec,
  mergeLexicon,
  readLexiconSpec,
} from '../analyse/lexicon.js';
import { asDocument, convertDocument, documentKind } from '../convert/convert-input.js';
import type { FetchOptions } from './fetch-input.js';
import { fetchInput, formatOfMediaType, isUrl } from './fetch-input.js';
import { isUserError, UserError } from '../model/errors.js';
import type { Statement } from '../model/statement.js';
import { decodeInput, DEFAULT_MAX_INPUT_BYTES } from '../parse/decode-input.js';
import { parseStatement } from '../parse/parse-statement.js';
import { readParties } from '../parse/read-frontmatter.js';
import type { InputKind } from './read-input.js';
import { isSystemError, readBytes, readError } from './read-input.js';
import { toolFingerprint } from './tool-fingerprint.js';
import { writeAtomic } from './write-atomic.js';

/** A series' own settings, from `series.yaml` beside its statements. */
export interface SeriesConfig extends ActorConfig {
  /** Display title of the series (`title:` in series.yaml). */
  readonly title?: string;
  /** Extra lexicon entries merged into the default lexicon. */
  readonly lexicon?: LexiconSpec;
  /** Line openings of plain-text rounds that are not the statement (`setAside:`), beyond the default list. */
  readonly setAside?: readonly string[];
}

/** Options for {@link loadStatement}. */
export interface LoadOptions {
  /** Force an input format (`markdown`, `text`, `html`). */
  readonly format?: string;
  /** Largest input accepted in bytes (default: 50 MiB). */
  readonly maxBytes?: number;
  /** A lexicon file given on the command line, merged after the series config. */
  readonly lexiconFile?: string;
  /**
   * Reads stdin when the file is `-`: to its end, or until more than `maxBytes` were read, when
   * it may stop (refusing with `E_TOO_LARGE`) or hand over what it read (refused here).
   */
  readonly readStdin?: (maxBytes: number) => Promise<Buffer>;
  /**
   * Folder of parsed statements cached by content hash (default: none). A hit skips parse and
   * analyse; the key covers the tool version, the bytes, the file name, the format and the
   * series config and lexicon, so a stale entry is never used.
   */
  readonly cacheDir?: string;
  /**
   * Folder whose `series.yaml` applies (default: the folder of the file). The archive passes the
   * real folder while naming files relative to it, so reports do not depend on the working directory.
   */
  readonly configDir?: string;
  /** How http(s) URLs are fetched: timeout, cache folder, refresh (see fetch-input.ts). */
  readonly fetch?: FetchOptions;
}

export { readBytes } from './read-input.js';

/** A YAML file read: its data, and where each key is. */
interface YamlFile {
  readonly data: unknown;
  readonly lineOf: LineOf;
}

function readYamlFile(file: string, kind: InputKind): YamlFile {
  const text = readBytes(file, { kind }).toString('utf8');
  const invalid = (error: Error, line: number | undefined): UserError =>
    new UserError('E_YAML', `invalid YAML: ${error.message.split('\n')[0]}`, {
      location: line === undefined ? { file } : { file, line },
      expected: 'a YAML mapping',
    });
  const doc = parseDocument(text);
  const first = doc.errors[0];
  if (first) throw invalid(first, first.linePos?.[0]?.line);
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // e.g. an alias to an anchor that is not defined.
    throw invalid(error as Error, undefined);
  }
  return { data, lineOf: (path) => keyLine(doc, text, path) };
}

/** The 1-based line of the key at `path` in `doc` (parsed from `text`), if it is there. */
function keyLine(doc: Document, text: string, path: readonly string[]): number | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  for (const pair of parent.items) {
    const key = pair.key;
    const value = isScalar(key) ? key.value : key;
    if (String(value) === last && isNode(key) && key.range) {
      let line = 1;
      for (let i = 0; i < key.range[0]; i++) if (text.charCodeAt(i) === 10) line++;
      return line;
    }
  }
  return undefined;
}

/** Reads `series.yaml` in `dir`, or returns an empty config when there is none. */
export function readSeriesConfig(dir: string): SeriesConfig {
  const file = join(dir, 'series.yaml');
  if (!existsSync(file)) return {};
  const { data, lineOf } = readYamlFile(file, 'series config');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const fail =
    (key: string) =>
    (found: unknown): never => {
      throw new UserError('E_META', `series config field "${key}" is ${JSON.stringify(found)}`, {
        location: { file },
        expected: 'see statements/README.md',
      });
    };
  const strings = (key: string): string[] | undefined => {
    const value = record[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      return fail(key)(value);
    return value;
  };
  const config: { -readonly [K in keyof SeriesConfig]: SeriesConfig[K] } = {};
  if (typeof record['title'] === 'string') config.title = record['title'];
  if (record['parties'] !== undefined)
    config.parties = readParties(record['parties'], fail('parties'));
  const both = strings('both');
  if (both) config.both = both;
  const bodies = strings('bodies');
  if (bodies) config.bodies = bodies;
  const setAside = strings('setAside');
  if (setAside) config.setAside = setAside;
  const lexicon: Record<string, unknown> = {};
  for (const key of ['acts', 'actions', 'strength'])
    if (record[key] !== undefined) lexicon[key] = record[key];
  if (Object.keys(lexicon).length > 0) config.lexicon = readLexiconSpec(lexicon, file, lineOf);
  return config;
}

const lexiconCache = new Map<string, Lexicon>();

/** The lexicon for a series config plus an optional user file. */
export function lexiconFor(config: SeriesConfig, lexiconFile?: string): Lexicon {
  const key = JSON.stringify([config.lexicon ?? null, lexiconFile ?? null]);
  let lexicon = lexiconCache.get(key);
  if (!lexicon) {
    let spec = defaultLexiconSpec();
    if (config.lexicon) spec = mergeLexicon(spec, config.lexicon);
    if (lexiconFile) {
      const { data, lineOf } = readYamlFile(lexiconFile, 'lexicon file');
      spec = mergeLexicon(spec, readLexiconSpec(data, lexiconFile, lineOf));
    }
    lexicon = compileLexicon(spec);
    lexiconCache.set(key, lexicon);
  }
  return lexicon;
}

/** Parses and analyses already-read `bytes` of `file` with the series config of its folder. */
export function statementFromBytes(
  bytes: Uint8Array,
  file: string,
  options: LoadOptions = {},
): Statement {
  if (!options.cacheDir || file === '-') return parseAndAnalyse(bytes, file, options);
  const configFile = join(options.configDir ?? dirname(file), 'series.yaml');
  const hash = createHash('sha256');
  for (const part of [
    toolFingerprint(),
    file,
    options.format ?? '',
    String(options.maxBytes ?? ''),
  ])
    hash.update(`${part}\0`);
  const extras: [string | undefined, InputKind][] = [
    [isUrl(file) ? undefined : configFile, 'series config'],
    [options.lexiconFile, 'lexicon file'],
  ];
  for (const [extra, kind] of extras) {
    hash.update(extra && existsSync(extra) ? readBytes(extra, { kind }) : '');
    hash.update('\0');
  }
  hash.update(bytes);
  const cached = join(options.cacheDir, `${hash.digest('hex')}.json`);
  if (existsSync(cached)) {
    try {
      return JSON.parse(readFileSync(cached, 'utf8')) as Statement;
    } catch {
      // A damaged entry is parsed again and rewritten below.
    }
  }
  const statement = parseAndAnalyse(bytes, file, options);
  try {
    writeAtomic(cached, JSON.stringify(statement));
  } catch {
    // The cache is an optimisation: a folder we cannot write to only costs time.
  }
  return statement;
}

function parseAndAnalyse(bytes: Uint8Array, file: string, options: LoadOptions): Statement {
  const decoded = decodeInput(bytes, file, options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES);
  // Standard input and URLs have no folder, so no series.yaml.
  const config =
    file === '-' || isUrl(file) ? {} : readSeriesConfig(options.configDir ?? dirname(file));
  const parsed = parseStatement(decoded.text, {
    file,
    ...(options.format !== undefined ? { format: options.format } : {}),
    diagnostics: decoded.diagnostics,
    ...(config.setAside ? { setAside: config.setAside } : {}),
  });
  return analyseStatement(parsed, { ...config, lexicon: lexiconFor(config, options.lexiconFile) });
}

/**
 * Parses and analyses already-read `bytes` of `file` of any supported kind: a PDF or a Word
 * document is converted first (src/convert), text goes straight to {@link statementFromBytes}.
 */
export async function statementFromInput(
  bytes: Uint8Array,
  file: string,
  options: LoadOptions = {},
): Promise<Statement> {
  const kind = documentKind(bytes, file);
  if (!kind) return statementFromBytes(bytes, file, options);
  const document = await convertDocument(bytes, file, kind);
  const text = Buffer.from(document.text, 'utf8');
  const statement = statementFromBytes(text, file, { ...options, format: document.readAs });
  return asDocument(statement, document);
}

/** Loads a statement from `file` (or stdin for `-`). */
export async function loadStatement(file: string, options: LoadOptions = {}): Promise<Statement> {
  let bytes: Uint8Array;
  if (file === '-') {
    if (!options.readStdin)
      throw new UserError('E_STDIN', 'standard input is not available', { location: { file } });
    try {
      bytes = await options.readStdin(options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES);
    } catch (error) {
      if (!isUserError(error) && isSystemError(error)) throw readError(file, error);
      throw error;
    }
  } else if (isUrl(file)) {
    const fetched = await fetchInput(file, {
      ...options.fetch,
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    });
    // The server's media type picks the reader unless --input-format did; PDF and DOCX are
    // recognised by their bytes whatever it says.
    const format = options.format ?? formatOfMediaType(fetched.mediaType);
    const statement = await statementFromInput(fetched.bytes, file, {
      ...options,
      ...(format === undefined ? {} : { format }),
    });
    return statement.meta.source === undefined
      ? { ...statement, meta: { ...statement.meta, source: file } }
      : statement;
  } else
    bytes = readBytes(file, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  return statementFromInput(bytes, file, options);
}
