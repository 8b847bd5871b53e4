/**
 * `statement-diff index`: every series of an archive folder into the SQLite database. A series
 * whose inputs (and the tool) did not change is skipped; a changed one is replaced in one
 * transaction, so an interrupted run leaves the database as it was for that series.
 */
import { createHash } from 'node:crypto';
import { basename, join, relative } from 'node:path';
import type { LoadOptions } from '../archive/load-statement.js';
import { readSeriesFolder, statementsOfFolder } from '../archive/load-series.js';
import { seriesFolders } from '../archive/build-archive.js';
import { toolFingerprint } from '../archive/tool-fingerprint.js';
import type { CommitmentChange } from '../model/changes.js';
import type { Section, Statement } from '../model/statement.js';
import type { SeriesReport } from '../model/series.js';
import { compareStatements } from '../report/build-comparison.js';
import { buildSeries, roundDate } from '../series/build-series.js';
import { TOOL_VERSION } from '../version.js';
import type { Database } from './open-database.js';
import { asDamaged, openForWriting } from './open-database.js';
import { ROUND_STATUS } from './schema.js';

/** Options of {@link indexArchive}. */
export interface IndexOptions {
  /** How statements are read (parse cache, size limit, lexicon). */
  readonly load?: LoadOptions;
  /** Re-index every series, changed or not. */
  readonly rebuild?: boolean;
  /** Called before each series is read: its name, index and the number of series. */
  readonly onSeries?: (name: string, index: number, total: number) => void;
}

/** What an index run did. */
export interface IndexResult {
  readonly indexed: readonly string[];
  readonly skipped: readonly string[];
  readonly removed: readonly string[];
  /** Rows in the database after the run, per table. */
  readonly rows: Readonly<Record<string, number>>;
}

/** Indexes the series folders of `statementsDir` into the database at `dbFile`. */
export async function indexArchive(
  statementsDir: string,
  dbFile: string,
  options: IndexOptions = {},
): Promise<IndexResult> {
  const folders = seriesFolders(statementsDir);
  const db = openForWriting(dbFile);
  const indexed: string[] = [];
  const skipped: string[] = [];
  const removed: string[] = [];
  try {
    const base = join(statementsDir, '..');
    const known = new Map(
      (
        db.prepare('SELECT id, inputs_sha256 FROM series').all() as {
          id: string;
          inputs_sha256: string;
        }[]
      ).map((r) => [r.id, r.inputs_sha256]),
    );
    const names = new Set<string>();
    for (const [i, folder] of folders.entries()) {
      const name = relative(statementsDir, folder);
      names.add(name);
      options.onSeries?.(name, i, folders.length);
      const input = readSeriesFolder(folder, options.load?.maxBytes);
      const hash = createHash('sha256').update(`${TOOL_VERSION}\0${toolFingerprint()}\0`);
      for (const [f, h] of input.sha256) hash.update(`${basename(f)}\0${h}\0`);
      const inputs = hash.digest('hex');
      if (!options.rebuild && known.get(name) === inputs) {
        skipped.push(name);
        continue;
      }
      const { statements: rounds, title } = await statementsOfFolder(input, base, options.load);
      const series = buildSeries(rounds, title ? { title } : {});
      const pairs = rounds
        .slice(1)
        .map((after, k) => compareStatements(rounds[k] as Statement, after).changes);
      const sha = new Map([...input.sha256].map(([f, h]) => [relative(base, f), h]));
      const wrote = db
        .transaction(() => {
          // Another run may have indexed these very inputs while this one was reading them.
          const now = db.prepare('SELECT inputs_sha256 AS h FROM series WHERE id = ?').get(name) as
            { h: string } | undefined;
          if (!options.rebuild && now?.h === inputs) return false;
          db.prepare('DELETE FROM series WHERE id = ?').run(name);
          writeSeries(db, name, inputs, rounds, series, pairs, sha);
          return true;
        })
        .immediate();
      (wrote ? indexed : skipped).push(name);
    }
    for (const name of known.keys()) {
      if (names.has(name)) continue;
      db.transaction(() => db.prepare('DELETE FROM series WHERE id = ?').run(name)).immediate();
      removed.push(name);
    }
    const rows: Record<string, number> = {};
    for (const table of [
      'series',
      'statements',
      'sentences',
      'commitments',
      'lineages',
      'lineage_rounds',
      'changes',
    ])
      rows[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { indexed, skipped, removed, rows };
  } catch (error) {
    throw asDamaged(dbFile, error);
  } finally {
    db.close();
  }
}

/** The id of a round's statement row: `<series>/<file name>`. */
const statementId = (series: string, statement: Statement) =>
  `${series}/${basename(statement.file)}`;

/** The integer key of a statement: 48 bits of the SHA-1 of its id, the same in every build. */
export function statementKey(id: string): number {
  return Number.parseInt(createHash('sha1').update(id).digest('hex').slice(0, 12), 16);
}

function writeSeries(
  db: Database,
  name: string,
  inputs: string,
  rounds: readonly Statement[],
  series: SeriesReport,
  pairs: readonly (readonly CommitmentChange[])[],
  sha: ReadonlyMap<string, string>,
): void {
  db.prepare(
    'INSERT INTO series (id, title, rounds, inputs_sha256, tool) VALUES (?, ?, ?, ?, ?)',
  ).run(name, series.title, rounds.length, inputs, TOOL_VERSION);
  const insertStatement = db.prepare(
    `INSERT INTO statements (n, id, series_id, round_index, file, sha256, format, date, round, title, place, source, language, meta)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSection = db.prepare(
    'INSERT INTO sections (statement, id, parent, heading, depth, number, line) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertParagraph = db.prepare(
    'INSERT INTO paragraphs (statement, id, section, label, number, ordinal, line) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSentence = db.prepare(
    `INSERT INTO sentences (statement, id, paragraph, paragraph_label, ordinal, text, start, "end", line, "column", page, page_line, lineage_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCommitment = db.prepare(
    `INSERT INTO commitments (sentence, actor, actor_kind, act, family, action, role, is_context, strength, entities, items)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const keys = rounds.map((r) => statementKey(statementId(name, r)));
  // The lineage of every sentence, known before the sentences are written.
  const lineageOfSentence = new Map<string, string>();
  for (const lineage of series.lineages)
    for (const o of lineage.occurrences)
      for (const sid of o.ids)
        lineageOfSentence.set(`${keys[o.round] as number}#${sid}`, lineage.id);
  rounds.forEach((statement, index) => {
    const key = keys[index] as number;
    const sid = statementId(name, statement);
    const meta = statement.meta;
    insertStatement.run(
      key,
      sid,
      name,
      index,
      statement.file,
      sha.get(statement.file) ?? '',
      statement.format,
      roundDate(statement) ?? null,
      meta.round ?? null,
      meta.title ?? null,
      meta.place ?? null,
      meta.source ?? null,
      meta.language ?? null,
      JSON.stringify(meta),
    );
    const sentenceN = new Map<string, number>();
    const walk = (section: Section, parent: string | null) => {
      insertSection.run(
        key,
        section.id,
        parent,
        section.heading,
        section.depth,
        section.number ?? null,
        section.span.line,
      );
      for (const p of section.paragraphs) {
        const label = p.number ?? String(p.ordinal);
        insertParagraph.run(key, p.id, section.id, label, p.number ?? null, p.ordinal, p.span.line);
        p.sentences.forEach((s, k) => {
          const values = [
            key,
            s.id,
            p.id,
            label,
            k + 1,
            s.text,
            s.span.start,
            s.span.end,
            s.span.line,
            s.span.column,
            s.span.page ?? null,
            s.span.pageLine ?? null,
            lineageOfSentence.get(`${key}#${s.id}`) ?? null,
          ];
          sentenceN.set(s.id, Number(insertSentence.run(...values).lastInsertRowid));
        });
      }
      for (const child of section.sections) walk(child, section.id);
    };
    for (const section of statement.sections) walk(section, null);
    for (const c of statement.commitments) {
      insertCommitment.run(
        sentenceN.get(c.sentenceId) ?? null,
        c.actor.name,
        c.actor.kind,
        c.act,
        c.family,
        c.action ?? null,
        c.role,
        c.isContext ? 1 : 0,
        c.strength.level,
        JSON.stringify(c.entities.map((e) => [e.kind, e.text, e.value])),
        JSON.stringify(c.items),
      );
    }
  });

  const insertLineage = db.prepare(
    'INSERT INTO lineages (series_id, id, label, standing, is_context) VALUES (?, ?, ?, ?, ?)',
  );
  const insertRound = db.prepare(
    `INSERT INTO lineage_rounds (series_id, lineage_id, round_index, status, sentences, paragraph, line, score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const lineage of series.lineages) {
    insertLineage.run(
      name,
      lineage.id,
      lineage.label,
      lineage.standing ? 1 : 0,
      lineage.isContext ? 1 : 0,
    );
    for (const o of lineage.occurrences)
      insertRound.run(
        name,
        lineage.id,
        o.round,
        ROUND_STATUS[o.status],
        JSON.stringify(o.ids),
        o.paragraph,
        o.line,
        o.score,
      );
    for (const round of lineage.droppedIn)
      insertRound.run(name, lineage.id, round, 'dropped', null, null, null, null);
  }

  const insertChange = db.prepare(
    `INSERT INTO changes (after_statement, id, before_statement, series_id, kind, significance, is_context, actor, lineage_id,
       before_text, after_text, before_paragraph, after_paragraph, reasons, qualifiers, edits, matched_by, score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  pairs.forEach((changes, k) => {
    const before = keys[k] as number;
    const after = keys[k + 1] as number;
    for (const c of changes) {
      if (c.kind === 'unchanged') continue;
      const lineage =
        (c.after && lineageOfSentence.get(`${after}#${c.after.ids[0] ?? ''}`)) ||
        (c.before && lineageOfSentence.get(`${before}#${c.before.ids[0] ?? ''}`)) ||
        null;
      insertChange.run(
        after,
        c.id,
        before,
        name,
        c.kind,
        Math.round(c.significance),
        c.isContext ? 1 : 0,
        c.after?.actor ?? c.before?.actor ?? null,
        lineage,
        c.before?.text ?? null,
        c.after?.text ?? null,
        c.before?.paragraph ?? null,
        c.after?.paragraph ?? null,
        JSON.stringify(c.reasons),
        JSON.stringify(c.qualifiers),
        c.kind === 'new' || c.kind === 'dropped' ? '[]' : JSON.stringify(c.edits),
        c.matchedBy,
        c.score,
      );
    }
  });
}
