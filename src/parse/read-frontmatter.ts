/** Reads YAML frontmatter into {@link StatementMeta}, with errors that name the line. */
import { parseDocument, visit } from 'yaml';
import { UserError } from '../model/errors.js';
import type { Party, StatementMeta } from '../model/statement.js';

const KNOWN = new Set([
  'series',
  'round',
  'date',
  'title',
  'place',
  'parties',
  'source',
  'language',
]);

/**
 * Parses `yamlText`, which starts on line `firstLine` of `file`.
 * Every field is optional; a field of the wrong type is an error naming its line.
 */
export function readFrontmatter(yamlText: string, file: string, firstLine: number): StatementMeta {
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  // The line in the file of an offset into `yamlText` (prettyErrors is off, so errors carry
  // offsets, not lines).
  const lineAt = (offset: number): number => {
    let line = firstLine;
    for (let i = 0; i < offset && i < yamlText.length; i++)
      if (yamlText.charCodeAt(i) === 10) line++;
    return line;
  };
  const first = doc.errors[0];
  if (first) {
    throw new UserError('E_YAML', `invalid YAML frontmatter: ${first.message.split('\n')[0]}`, {
      location: { file, line: lineAt(first.pos[0]) },
      expected: 'YAML key: value pairs between the two --- lines',
    });
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // e.g. an alias to an anchor that is not defined (found by the fuzzer): named at the alias.
    let at: number | undefined;
    visit(doc, {
      Alias: (_key, node) => {
        if (node.resolve(doc) !== undefined) return undefined;
        at = node.range?.[0];
        return visit.BREAK;
      },
    });
    throw new UserError(
      'E_YAML',
      `invalid YAML frontmatter: ${(error as Error).message.split('\n')[0]}`,
      {
        location: { file, line: at === undefined ? firstLine : lineAt(at) },
        expected: 'YAML key: value pairs between the two --- lines',
      },
    );
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError('E_YAML', 'frontmatter is not a mapping of keys to values', {
      location: { file, line: firstLine },
      expected: 'key: value pairs such as "date: 2026-01-04"',
    });
  }
  const record = data as Record<string, unknown>;
  const lineOf = (key: string): number => {
    const pair = doc.contents && 'items' in doc.contents ? doc.contents.items : [];
    for (const item of pair as { key?: { value?: unknown; range?: [number, number, number] } }[]) {
      if (item.key?.value === key && item.key.range) {
        return firstLine + yamlText.slice(0, item.key.range[0]).split('\n').length - 1;
      }
    }
    return firstLine;
  };
  const fail = (key: string, expected: string, found: unknown): never => {
    throw new UserError('E_META', `frontmatter field "${key}" is ${JSON.stringify(found)}`, {
      location: { file, line: lineOf(key) },
      expected,
    });
  };
  const text = (key: string): string | undefined => {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return fail(key, 'a text value', value);
  };

  const meta: { -readonly [K in keyof StatementMeta]: StatementMeta[K] } = {};
  const series = text('series');
  if (series !== undefined) meta.series = series;
  const round = record['round'];
  if (round !== undefined && round !== null) {
    if (typeof round !== 'number' || !Number.isInteger(round) || round < 0) {
      fail('round', 'a whole number such as 7', round);
    }
    meta.round = round as number;
  }
  const date = text('date');
  if (date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('date', 'a date written YYYY-MM-DD', date);
    // Date.parse takes 2020-02-30 for 1 March: check the calendar.
    if (!isCalendarDate(date)) fail('date', 'a date that exists, written YYYY-MM-DD', date);
    meta.date = date;
  }
  for (const key of ['title', 'place', 'source', 'language'] as const) {
    const value = text(key);
    if (value !== undefined) meta[key] = value;
  }
  if (meta.language !== undefined) {
    try {
      meta.language = Intl.getCanonicalLocales(meta.language)[0] ?? 'en';
    } catch {
      fail('language', 'a BCP 47 language tag such as en, zh or fr-CA', meta.language);
    }
  }
  if (record['parties'] !== undefined && record['parties'] !== null) {
    meta.parties = readParties(record['parties'], (found) =>
      fail('parties', 'a list of names, or of {name, aliases}', found),
    );
  }
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) if (!KNOWN.has(key)) extra[key] = record[key];
  if (Object.keys(extra).length > 0) meta.extra = extra;
  return meta;
}

/** True when `date` (`YYYY-MM-DD`) names a day that exists: month 1–12, day within the month. */
export function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Reads a `parties` list: strings, or `{name, aliases}` mappings. */
export function readParties(value: unknown, fail: (found: unknown) => never): Party[] {
  if (!Array.isArray(value)) return fail(value);
  return value.map((entry: unknown) => {
    if (typeof entry === 'string') return { name: entry, aliases: [] };
    if (
      entry &&
      typeof entry === 'object' &&
      typeof (entry as { name?: unknown }).name === 'string'
    ) {
      const { name, aliases } = entry as { name: string; aliases?: unknown };
      if (
        aliases !== undefined &&
        !(Array.isArray(aliases) && aliases.every((a) => typeof a === 'string'))
      ) {
        return fail(entry);
      }
      return { name, aliases: (aliases as string[] | undefined) ?? [] };
    }
    return fail(entry);
  });
}
