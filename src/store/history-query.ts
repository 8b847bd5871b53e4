/**
 * One commitment's history across every round of its series, from the archive database, with
 * word edits between consecutive wordings. Every value reaches SQL as a bound parameter.
 */
import { diffWords } from '../diff/word-diff.js';
import type { WordEdit } from '../model/changes.js';
import { UserError } from '../model/errors.js';
import type { Database } from './open-database.js';

/** One round of a commitment's history. */
export interface HistoryRound {
  readonly round: number;
  readonly date: string | null;
  readonly file: string;
  /** `new`, `present`, `changed`, `revived`, `dropped`, or `absent` (before it first appears, or after it was dropped). */
  readonly status: string;
  readonly text: string | null;
  readonly paragraph: string | null;
  readonly line: number | null;
  /** Word edits from the previous wording, when this round's wording differs from it. */
  readonly edits: readonly WordEdit[] | null;
}

/** A commitment across every round of its series. */
export interface History {
  readonly series: string;
  readonly lineage: string;
  readonly label: string;
  readonly standing: boolean;
  readonly isContext: boolean;
  readonly rounds: readonly HistoryRound[];
}

/** Each round with its word edits from the wording before it (the last round it was present in). */
export function withEdits(rounds: readonly Omit<HistoryRound, 'edits'>[]): HistoryRound[] {
  let previous: string | null = null;
  return rounds.map((r) => {
    const edits =
      r.text !== null && previous !== null && r.text !== previous
        ? diffWords(previous, r.text).edits
        : null;
    if (r.text !== null) previous = r.text;
    return { ...r, edits };
  });
}

/** The history of lineage `id` of `series`. */
export function historyOf(db: Database, series: string, id: string): History {
  const lineage = db
    .prepare('SELECT label, standing, is_context FROM lineages WHERE series_id = ? AND id = ?')
    .get(series, id) as { label: string; standing: number; is_context: number } | undefined;
  if (!lineage)
    throw new UserError('E_UNKNOWN_ID', `no lineage ${id} in series ${series}`, {
      location: { file: id },
      expected: 'a lineage id of that series',
    });
  const statements = db
    .prepare(
      'SELECT n, round_index, date, file FROM statements WHERE series_id = ? ORDER BY round_index',
    )
    .all(series) as { n: number; round_index: number; date: string | null; file: string }[];
  const statuses = new Map(
    (
      db
        .prepare(
          'SELECT round_index, status FROM lineage_rounds WHERE series_id = ? AND lineage_id = ?',
        )
        .all(series, id) as { round_index: number; status: string }[]
    ).map((r) => [r.round_index, r.status]),
  );
  const wordings = new Map<number, { paragraph: string; line: number; texts: string[] }>();
  for (const w of db
    .prepare(
      `SELECT s.statement, s.paragraph_label, s.line, t.text
       FROM sentences s JOIN texts t ON t.n = s.text
       WHERE s.lineage_id = ? ORDER BY s.n`,
    )
    .all(id) as { statement: number; paragraph_label: string; line: number; text: string }[]) {
    const round = wordings.get(w.statement);
    if (round) round.texts.push(w.text);
    else wordings.set(w.statement, { paragraph: w.paragraph_label, line: w.line, texts: [w.text] });
  }
  const rounds = withEdits(
    statements.map((st) => {
      const wording = wordings.get(st.n);
      return {
        round: st.round_index,
        date: st.date,
        file: st.file,
        status: statuses.get(st.round_index) ?? 'absent',
        text: wording ? wording.texts.join(' ') : null,
        paragraph: wording?.paragraph ?? null,
        line: wording?.line ?? null,
      };
    }),
  );
  return {
    series,
    lineage: id,
    label: lineage.label,
    standing: lineage.standing === 1,
    isContext: lineage.is_context === 1,
    rounds,
  };
}
