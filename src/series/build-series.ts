/** Series stage: rounds in date order, pairwise alignments chained into lineages, with a look-back for revived commitments. */
import { createHash } from 'node:crypto';
import { sentencesOf } from '../analyse/analyse-statement.js';
import type { AlignOptions } from '../align/align-options.js';
import { DEFAULT_ALIGN_OPTIONS } from '../align/align-options.js';
import { AlignSession, alignStatements } from '../align/align-statements.js';
import { alignCommitments } from '../identify/identify-commitments.js';
import type { AlignedPair } from '../model/alignment.js';
import { UserError } from '../model/errors.js';
import type {
  Lineage,
  Occurrence,
  OccurrenceStatus,
  RoundCounts,
  SeriesReport,
  SeriesRound,
} from '../model/series.js';
import type { Paragraph, Sentence, Statement } from '../model/statement.js';
import type { SentencePlace } from '../parse/walk-statement.js';
import { locateSentences } from '../parse/walk-statement.js';
import { sharedTitle } from '../util/shared-title.js';
import { TOOL_VERSION } from '../version.js';

/** Version of the series JSON (docs/report-schema.md). */
export const SERIES_SCHEMA_VERSION = 1;

/** The date of a round: frontmatter `date`, else a `YYYY-MM-DD` in its file name. */
export function roundDate(statement: Statement): string | undefined {
  return statement.meta.date ?? /(\d{4}-\d{2}-\d{2})/.exec(statement.file)?.[1];
}

/** Orders rounds by date (then file name); two rounds on one date are an error naming both files. */
export function orderRounds(statements: readonly Statement[]): Statement[] {
  const withDates = statements.map((s) => ({ s, date: roundDate(s) ?? '' }));
  withDates.sort((x, y) => x.date.localeCompare(y.date) || x.s.file.localeCompare(y.s.file));
  for (let i = 1; i < withDates.length; i++) {
    const prev = withDates[i - 1];
    const here = withDates[i];
    if (prev && here && here.date !== '' && prev.date === here.date) {
      throw new UserError(
        'E_DUPLICATE_ROUND',
        `two rounds have the date ${here.date}: ${prev.s.file} and ${here.s.file}`,
        {
          location: { file: here.s.file },
          expected: 'one statement per round date (set `date:` in the frontmatter)',
        },
      );
    }
  }
  return withDates.map((x) => x.s);
}

/** A statement made of loose sentences (one paragraph each), for the look-back alignment. */
function looseStatement(
  file: string,
  sentences: readonly { id: string; text: string; key: string }[],
): Statement {
  const span = { start: 0, end: 0, line: 1, column: 1 };
  const paragraphs: Paragraph[] = sentences.map((s, i) => ({
    id: `loose/${i + 1}`,
    ordinal: i + 1,
    sentences: [{ id: s.id, text: s.text, key: s.key, span }],
    span,
  }));
  return {
    file,
    format: 'markdown',
    meta: {},
    sections: [{ id: 's0', heading: null, depth: 0, paragraphs, sections: [], span }],
    source: '',
    commitments: [],
    diagnostics: [],
  };
}

interface OpenLineage {
  id: string;
  occurrences: Occurrence[];
  lastRound: number;
  lastKey: string;
  lastText: string;
  droppedIn: number[];
  isContext: boolean;
}

/** Options of {@link buildSeries}. */
export interface SeriesOptions {
  readonly align?: Partial<AlignOptions>;
  /** Display title (default: what the rounds' titles share, else the series slug). */
  readonly title?: string;
}

/**
 * Builds the series report of `statements` (any order). Lineages chain each consecutive
 * alignment; a sentence new to its round is first matched against lineages absent from the
 * round before (look-back), so a commitment dropped and later restored is "revived", not new.
 */
export function buildSeries(
  statements: readonly Statement[],
  options: SeriesOptions = {},
): SeriesReport {
  const rounds = orderRounds(statements);
  const alignOptions = { ...DEFAULT_ALIGN_OPTIONS, ...options.align };
  const session = new AlignSession();
  const lineages: OpenLineage[] = [];
  const lineageOf = new Map<string, OpenLineage>(); // sentence id of the current round → lineage
  const usedIds = new Set<string>();
  const context = (statement: Statement) =>
    new Map(statement.commitments.map((c) => [c.sentenceId, c.isContext]));

  const open = (
    roundIndex: number,
    date: string,
    ids: string[],
    at: SentencePlace,
    isContext: boolean,
  ): OpenLineage => {
    const hash = createHash('sha1').update(`${date}\n${at.sentence.key}`).digest('hex').slice(0, 7);
    let id = `L${hash}`;
    for (let k = 2; usedIds.has(id); k++) id = `L${hash}-${k}`;
    usedIds.add(id);
    const lineage: OpenLineage = {
      id,
      occurrences: [],
      lastRound: roundIndex,
      lastKey: at.sentence.key,
      lastText: at.sentence.text,
      droppedIn: [],
      isContext,
    };
    lineages.push(lineage);
    return lineage;
  };
  const occur = (
    lineage: OpenLineage,
    round: number,
    ids: string[],
    where: Map<string, SentencePlace>,
    status: OccurrenceStatus,
    score: number,
  ): void => {
    const first = where.get(ids[0] as string) as SentencePlace;
    const text = ids.map((id) => where.get(id)?.sentence.text ?? '').join(' ');
    lineage.occurrences.push({
      round,
      ids,
      text,
      paragraph: first.paragraph.number ?? String(first.paragraph.ordinal),
      line: first.sentence.span.line,
      status,
      score,
    });
    lineage.lastRound = round;
    lineage.lastKey = ids.map((id) => where.get(id)?.sentence.key ?? '').join(' ');
    lineage.lastText = text;
    for (const id of ids) lineageOf.set(id, lineage);
  };

  const seriesRounds: SeriesRound[] = [];
  rounds.forEach((statement, r) => {
    const where = locateSentences(statement);
    const isContext = context(statement);
    const date = roundDate(statement) ?? statement.file;
    const counts = { new: 0, dropped: 0, changed: 0, carried: 0, revived: 0 };
    if (r === 0) {
      for (const s of sentencesOf(statement)) {
        occur(
          open(0, date, [s.id], where.get(s.id) as SentencePlace, isContext.get(s.id) ?? false),
          0,
          [s.id],
          where,
          'first',
          1,
        );
      }
    } else {
      const previous = rounds[r - 1] as Statement;
      const previousLineage = new Map(lineageOf);
      lineageOf.clear();
      const pairs: readonly AlignedPair[] = alignCommitments(
        previous,
        statement,
        options.align,
        session,
      ).pairs;
      const unpaired: string[] = [];
      for (const pair of pairs) {
        if (pair.after.length === 0) continue;
        if (pair.before.length === 0) {
          unpaired.push(...pair.after);
          continue;
        }
        const lineage = previousLineage.get(pair.before[0] as string);
        if (!lineage) continue;
        const changed = pair.kind !== 'unchanged';
        occur(lineage, r, [...pair.after], where, changed ? 'changed' : 'carried', pair.score);
        if (changed) counts.changed++;
        else counts.carried++;
      }
      // Look back: lineages absent from the previous round, against this round's new sentences.
      const dormant = lineages.filter((l) => l.lastRound < r - 1);
      const revivedIds = new Set<string>();
      if (dormant.length > 0 && unpaired.length > 0) {
        const back = looseStatement(
          'look-back',
          dormant.map((l) => ({ id: l.id, text: l.lastText, key: l.lastKey })),
        );
        const fresh = looseStatement(
          statement.file,
          unpaired.map((id) => where.get(id)?.sentence as Sentence),
        );
        for (const pair of alignStatements(back, fresh, options.align).pairs) {
          if (
            pair.before.length !== 1 ||
            pair.after.length !== 1 ||
            pair.score < alignOptions.minSimilarity
          )
            continue;
          const lineage = dormant.find((l) => l.id === pair.before[0]);
          if (!lineage) continue;
          occur(lineage, r, [pair.after[0] as string], where, 'revived', pair.score);
          revivedIds.add(pair.after[0] as string);
          counts.revived++;
        }
      }
      for (const id of unpaired) {
        if (revivedIds.has(id)) continue;
        occur(
          open(r, date, [id], where.get(id) as SentencePlace, isContext.get(id) ?? false),
          r,
          [id],
          where,
          'new',
          0,
        );
        counts.new++;
      }
      for (const lineage of lineages) {
        if (lineage.lastRound === r - 1) {
          lineage.droppedIn.push(r);
          counts.dropped++;
        }
      }
    }
    seriesRounds.push({
      file: statement.file,
      date,
      meta: statement.meta,
      sentences: where.size,
      counts: counts as RoundCounts,
    });
  });

  const finished: Lineage[] = lineages.map((l) => {
    const present = new Set(l.occurrences.map((o) => o.round));
    return {
      id: l.id,
      label: l.lastText.length > 72 ? `${l.lastText.slice(0, 71).trimEnd()}…` : l.lastText,
      occurrences: l.occurrences,
      standing: present.size === rounds.length,
      droppedIn: l.droppedIn,
      isContext: l.isContext,
    };
  });
  const series = rounds.find((s) => s.meta.series)?.meta.series ?? 'series';
  return {
    schemaVersion: SERIES_SCHEMA_VERSION,
    tool: { name: 'statement-diff', version: TOOL_VERSION },
    series,
    title: options.title ?? sharedTitle(rounds.map((s) => s.meta)),
    rounds: seriesRounds,
    lineages: finished,
    summary: {
      rounds: rounds.length,
      lineages: finished.length,
      standing: finished.filter((l) => l.standing).length,
      revived: finished.filter((l) => l.occurrences.some((o) => o.status === 'revived')).length,
    },
  };
}
