/**
 * Questions to the archive database: full-text search grouped by lineage, and which lineage an
 * id or words name (its history: history-query.ts). Every value reaches SQL as a bound parameter.
 */
import { UserError } from '../model/errors.js';
import type { Database } from './open-database.js';

/** Start and end of a highlighted match in the text returned by FTS5 `highlight()`. */
const MARK_START = '\u0001';
const MARK_END = '\u0002';

/** A stretch of a sentence: matched by the query or not. */
export interface TextPart {
  readonly text: string;
  readonly match: boolean;
}

/** How a lineage stands in one round. */
export interface RoundStatus {
  readonly round: number;
  readonly date: string | null;
  readonly status: string;
}

/** One sentence the query matched. */
export interface SearchHit {
  readonly round: number;
  readonly date: string | null;
  readonly file: string;
  readonly paragraph: string;
  readonly line: number;
  readonly actor: string | null;
  readonly parts: readonly TextPart[];
}

/** The hits of one lineage, with the rounds it appears in. */
export interface SearchGroup {
  readonly series: string;
  readonly lineage: string | null;
  readonly label: string | null;
  readonly rounds: readonly RoundStatus[];
  readonly hits: readonly SearchHit[];
}

/** Filters of {@link searchArchive}. */
export interface SearchFilters {
  readonly series?: string;
  /** Rounds on or after this date (`YYYY-MM-DD`). */
  readonly since?: string;
  /** Rounds on or before this date. */
  readonly until?: string;
  /** The commitment's actor (case-insensitive). */
  readonly actor?: string;
  /** Lineages that were new, dropped or changed in a round of the window. */
  readonly kind?: 'new' | 'dropped' | 'changed';
  /** Most sentences returned (default 200). */
  readonly limit?: number;
}

/** The result of a search. */
export interface SearchResult {
  readonly query: string;
  readonly hits: number;
  readonly groups: readonly SearchGroup[];
}

/** The text FTS5 marked, cut into matched and unmatched parts. */
export function partsOf(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  let match = false;
  let text = '';
  for (const ch of marked) {
    if (ch === MARK_START || ch === MARK_END) {
      if (text) parts.push({ text, match });
      text = '';
      match = ch === MARK_START;
    } else text += ch;
  }
  if (text) parts.push({ text, match });
  return parts;
}

/** An FTS5 query refused by SQLite, as the user error it is. */
function queryError(query: string, error: unknown): UserError {
  const message = (error as Error).message.replace(/^fts5: /, '');
  const shown = query.length > 60 ? `${query.slice(0, 57)}...` : query;
  return new UserError(
    'E_QUERY',
    `the search query ${JSON.stringify(shown)} cannot be read (${message})`,
    {
      expected:
        'FTS5 query syntax: words, "a phrase", AND, OR, NOT, prefix*, NEAR(a b, 5); quote other punctuation',
    },
  );
}

interface HitRow {
  series_id: string;
  round_index: number;
  date: string | null;
  file: string;
  paragraph_label: string;
  line: number;
  marked: string;
  lineage_id: string | null;
  actor: string | null;
}

/** Searches the sentences of the archive with an FTS5 `query`, grouped by lineage. */
export function searchArchive(
  db: Database,
  query: string,
  filters: SearchFilters = {},
): SearchResult {
  if (query.trim() === '')
    throw new UserError('E_QUERY', 'the search query is empty', {
      expected: 'one or more words to search for',
    });
  const params = {
    query,
    series: filters.series ?? null,
    since: filters.since ?? null,
    until: filters.until ?? null,
    actor: filters.actor ?? null,
    kind: filters.kind ?? null,
    limit: filters.limit ?? 200,
  };
  // Wordings in rank order (bm25 over distinct texts, however many rounds repeat one), then the
  // sentences of each that pass the filters, until the limit: a word in every sentence of the
  // archive costs its distinct wordings, not its sentences.
  // Wordings a page at a time: the first page is all but a filtered search ever needs, and SQLite
  // keeps only the best of a page in its sort instead of ordering every match.
  const page = db.prepare(
    'SELECT rowid AS n FROM texts_fts WHERE texts_fts MATCH @query ORDER BY bm25(texts_fts), rowid LIMIT @size OFFSET @offset',
  );
  const pageSize = Math.max(100, params.limit);
  const pageAt = (offset: number): { n: number }[] => {
    try {
      return page.all({ query, size: pageSize, offset }) as { n: number }[];
    } catch (error) {
      // A query SQLite cannot read is the user's; a damaged file is the database's.
      if ((error as { code?: string }).code === 'SQLITE_ERROR') throw queryError(query, error);
      throw error;
    }
  };
  const marked = db.prepare(
    'SELECT highlight(texts_fts, 0, char(1), char(2)) AS marked FROM texts_fts WHERE texts_fts MATCH ? AND rowid = ?',
  );
  const sentencesOf = db.prepare(
    `SELECT st.series_id, st.round_index, st.date, st.file, s.paragraph_label, s.line,
            s.lineage_id, c.actor
     FROM sentences s
     JOIN statements st ON st.n = s.statement
     LEFT JOIN commitments c ON c.n = s.commitment
     WHERE s.text = @text
       AND (@series IS NULL OR st.series_id = @series)
       AND (@since IS NULL OR st.date >= @since)
       AND (@until IS NULL OR st.date <= @until)
       AND (@actor IS NULL OR lower(c.actor) = lower(@actor))
       AND (@kind IS NULL OR EXISTS (
             SELECT 1 FROM lineage_rounds lr
             JOIN statements s2 ON s2.series_id = lr.series_id AND s2.round_index = lr.round_index
             WHERE lr.series_id = st.series_id AND lr.lineage_id = s.lineage_id
               AND lr.status = @kind
               AND (@since IS NULL OR s2.date >= @since)
               AND (@until IS NULL OR s2.date <= @until)))
     ORDER BY st.series_id, st.round_index, s.n
     LIMIT @left`,
  );
  const rows: HitRow[] = [];
  const { limit, ...filter } = params;
  pages: for (let offset = 0; ; offset += pageSize) {
    const ranked = pageAt(offset);
    for (const { n } of ranked) {
      const found = sentencesOf.all({ ...filter, text: n, left: limit - rows.length }) as Omit<
        HitRow,
        'marked'
      >[];
      if (found.length === 0) continue;
      // A JS number binds as REAL, which FTS5's rowid constraint ignores: bind an integer.
      const text = (marked.get(query, BigInt(n)) as { marked: string }).marked;
      for (const r of found) rows.push({ ...r, marked: text });
      if (rows.length >= limit) break pages;
    }
    if (ranked.length < pageSize) break;
  }
  const groups = new Map<string, { series: string; lineage: string | null; hits: SearchHit[] }>();
  for (const r of rows) {
    const key = `${r.series_id}\0${r.lineage_id ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { series: r.series_id, lineage: r.lineage_id, hits: [] }));
    group.hits.push({
      round: r.round_index,
      date: r.date,
      file: r.file,
      paragraph: r.paragraph_label,
      line: r.line,
      actor: r.actor,
      parts: partsOf(r.marked),
    });
  }
  const rounds = db.prepare(
    `SELECT lr.round_index AS round, s.date, lr.status FROM lineage_rounds lr
     JOIN statements s ON s.series_id = lr.series_id AND s.round_index = lr.round_index
     WHERE lr.series_id = ? AND lr.lineage_id = ? ORDER BY lr.round_index`,
  );
  const label = db.prepare('SELECT label FROM lineages WHERE series_id = ? AND id = ?');
  return {
    query,
    hits: rows.length,
    groups: [...groups.values()].map((g) => ({
      series: g.series,
      lineage: g.lineage,
      label: g.lineage
        ? ((label.get(g.series, g.lineage) as { label: string } | undefined)?.label ?? null)
        : null,
      rounds: g.lineage ? (rounds.all(g.series, g.lineage) as RoundStatus[]) : [],
      hits: g.hits.sort((a, b) => a.round - b.round || a.line - b.line),
    })),
  };
}

/** The lineages an id or a text names: an `L…` id, or the best full-text match of the words. */
export function findLineages(
  db: Database,
  idOrText: string,
  series?: string,
): { series: string; id: string }[] {
  const trimmed = idOrText.trim();
  if (/^L[0-9a-f]{7}(-\d+)?$/.test(trimmed)) {
    const found = db
      .prepare(
        'SELECT series_id AS series, id FROM lineages WHERE id = ? AND (? IS NULL OR series_id = ?) ORDER BY series_id',
      )
      .all(trimmed, series ?? null, series ?? null) as { series: string; id: string }[];
    if (found.length === 0)
      throw new UserError('E_UNKNOWN_ID', `no lineage ${trimmed} in the archive`, {
        location: { file: trimmed },
        expected: 'a lineage id from `statement-diff search` or series.json (L + 7 hex digits)',
      });
    return found;
  }
  // Words, each quoted, so punctuation in a pasted sentence is never FTS5 syntax.
  const words = trimmed.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0)
    throw new UserError('E_QUERY', 'the text holds no words', {
      expected: 'a lineage id (L…) or words of the commitment',
    });
  const query = words.map((w) => `"${w}"`).join(' ');
  const ranked = db
    .prepare(
      'SELECT rowid AS n FROM texts_fts WHERE texts_fts MATCH ? ORDER BY bm25(texts_fts), rowid',
    )
    .all(query) as { n: number }[];
  const lineageOf = db.prepare(
    `SELECT st.series_id AS series, s.lineage_id AS id
     FROM sentences s JOIN statements st ON st.n = s.statement
     WHERE s.text = ? AND s.lineage_id IS NOT NULL AND (? IS NULL OR st.series_id = ?)
     ORDER BY st.series_id, st.round_index, s.n LIMIT 1`,
  );
  for (const { n } of ranked) {
    const best = lineageOf.get(n, series ?? null, series ?? null) as
      { series: string; id: string } | undefined;
    if (best) return [best];
  }
  return [];
}
