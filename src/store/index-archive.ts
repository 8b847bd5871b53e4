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
          if (now) removeSeries(db, name);
          writeSeries(db, name, inputs, rounds, series, pairs, sha);
          return true;
        })
        .immediate();
      (wrote ? indexed : skipped).push(name);
    }
    for (const name of known.keys()) {
      if (names.has(name)) continue;
      db.transaction(() => removeSeries(db, name)).immediate();
      removed.push(name);
    }
    const rows: Record<string, number> = {};
    for (const table of [
      'series',
      'statements',
      'sentences',
      'texts',
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

/**
 * 47 bits of the SHA-1 of `value`: the integer key of a statement, a text or a commitment, the
 * same in every build. 47 bits is what SQLite stores in 6 bytes (8 for a 48th bit).
 */
export function hashKey(value: string): number {
  return Number.parseInt(createHash('sha1').update(value).digest('hex').slice(0, 12), 16) % 2 ** 47;
}

/** The integer key of a statement: {@link hashKey} of its id. */
export const statementKey = hashKey;

/**
 * Removes a series and what only it used: its rows go with the series (foreign-key cascades),
 * the wordings and analyses no other series shares are deleted after them.
 */
function removeSeries(db: Database, name: string): void {
  db.prepare('DELETE FROM series WHERE id = ?').run(name);
  db.prepare(
    'DELETE FROM texts WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.text = texts.n)',
  ).run();
  db.prepare(
    'DELETE FROM commitments WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.commitment = commitments.n)',
  ).run();
}

/**
 * The key of a row of a content-keyed table (texts, commitments), adding the row when it is new:
 * {@link hashKey} of the row's values, or the next free key when other values hold that one.
 */
function contentKeys(
  db: Database,
  table: 'texts' | 'commitments',
  columns: readonly string[],
): (values: readonly unknown[]) => number {
  const select = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE n = ?`);
  const insert = db.prepare(
    `INSERT INTO ${table} (n, ${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}, ?)`,
  );
  const known = new Map<string, number>();
  return (values) => {
    const content = JSON.stringify(values);
    let key = known.get(content);
    if (key !== undefined) return key;
    key = hashKey(content);
    for (;;) {
      const row = select.get(key) as Record<string, unknown> | undefined;
      if (!row) {
        insert.run(key, ...values);
        break;
      }
      if (JSON.stringify(columns.map((c) => row[c])) === content) break;
      key = (key + 1) % 2 ** 47;
    }
    known.set(content, key);
    return key;
  };
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
    `INSERT INTO sentences (statement, id, paragraph, paragraph_label, ordinal, text, commitment, start, "end", line, "column", page, page_line, lineage_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const textKey = contentKeys(db, 'texts', ['text']);
  const commitmentKey = contentKeys(db, 'commitments', [
    'actor',
    'actor_kind',
    'act',
    'family',
    'action',
    'role',
    'is_context',
    'strength',
    'entities',
    'items',
  ]);
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
    const commitmentOf = new Map<string, number>();
    for (const c of statement.commitments) {
      const values = [
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
      ];
      commitmentOf.set(c.sentenceId, commitmentKey(values));
    }
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
          insertSentence.run(
            key,
            s.id,
            p.id,
            label,
            k + 1,
            textKey([s.text]),
            commitmentOf.get(s.id) ?? null,
            s.span.start,
            s.span.end,
            s.span.line,
            s.span.column,
            s.span.page ?? null,
            s.span.pageLine ?? null,
            lineageOfSentence.get(`${key}#${s.id}`) ?? null,
          );
        });
      }
      for (const child of section.sections) walk(child, section.id);
    };
    for (const section of statement.sections) walk(section, null);
  });

  const insertLineage = db.prepare(
    'INSERT INTO lineages (series_id, id, label, standing, is_context) VALUES (?, ?, ?, ?, ?)',
  );
  const insertRound = db.prepare(
    `INSERT INTO lineage_rounds (series_id, lineage_id, round_index, status, score)
     VALUES (?, ?, ?, ?, ?)`,
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
      insertRound.run(name, lineage.id, o.round, ROUND_STATUS[o.status], o.score);
    for (const round of lineage.droppedIn)
      insertRound.run(name, lineage.id, round, 'dropped', null);
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
