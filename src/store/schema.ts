/**
 * The research archive's SQLite schema (docs/report-schema.md § archive database): plain SQLite
 * tables with foreign keys, an FTS5 index over sentences, and views for the common questions.
 * Any SQLite client with FTS5 reads it; nothing of ours is needed.
 */

import type { OccurrenceStatus } from '../model/series.js';

/** How a series occurrence status is named in `lineage_rounds` (and by `history`). */
export const ROUND_STATUS: Readonly<Record<OccurrenceStatus, string>> = {
  first: 'new',
  new: 'new',
  carried: 'present',
  changed: 'changed',
  revived: 'revived',
};

/** `PRAGMA user_version` of the schema this code writes and reads. */
export const ARCHIVE_SCHEMA_VERSION = 2;

/** `PRAGMA application_id`: "SDIF", so a database of ours is told from a foreign one. */
export const ARCHIVE_APPLICATION_ID = 0x53444946;

/** The tables, indexes, triggers and views, in creation order. */
export const ARCHIVE_DDL = `
CREATE TABLE series (
  id TEXT PRIMARY KEY,              -- the series folder's name
  title TEXT NOT NULL,
  rounds INTEGER NOT NULL,
  inputs_sha256 TEXT NOT NULL,      -- over every input file and the tool: what re-indexing compares
  tool TEXT NOT NULL                -- statement-diff version
) STRICT;

CREATE TABLE statements (
  n INTEGER PRIMARY KEY,            -- 47 bits of the SHA-1 of id: the same in every build of the archive
  id TEXT NOT NULL UNIQUE,          -- <series>/<file name>
  series_id TEXT NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  round_index INTEGER NOT NULL,     -- 0-based, in date order
  file TEXT NOT NULL,               -- as named in reports (statements/<series>/<file>)
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  date TEXT,
  round INTEGER,
  title TEXT,
  place TEXT,
  source TEXT,
  language TEXT,
  meta TEXT NOT NULL,               -- the whole frontmatter, JSON
  UNIQUE (series_id, round_index)
) STRICT;

CREATE TABLE sections (
  statement INTEGER NOT NULL REFERENCES statements(n) ON DELETE CASCADE,
  id TEXT NOT NULL,                 -- s0, s1, s1.2 … (docs/report-schema.md § ids)
  parent TEXT,
  heading TEXT,
  depth INTEGER NOT NULL,
  number TEXT,
  line INTEGER NOT NULL,
  PRIMARY KEY (statement, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE paragraphs (
  statement INTEGER NOT NULL REFERENCES statements(n) ON DELETE CASCADE,
  id TEXT NOT NULL,                 -- s1/n4, s0/p2 …
  section TEXT NOT NULL,
  label TEXT NOT NULL,              -- the number it carries, else its ordinal
  number TEXT,
  ordinal INTEGER NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (statement, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE texts (
  n INTEGER PRIMARY KEY,            -- 47 bits of the SHA-1 of the text (the next free key on a collision): the FTS5 rowid
  text TEXT NOT NULL                -- one row per distinct wording, however many rounds repeat it
) STRICT;

CREATE TABLE commitments (
  n INTEGER PRIMARY KEY,            -- 47 bits of the SHA-1 of the row's other columns: one row per distinct analysis
  actor TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  act TEXT NOT NULL,
  family TEXT NOT NULL,
  action TEXT,
  role TEXT NOT NULL,               -- commitment | assessment | context
  is_context INTEGER NOT NULL,
  strength INTEGER NOT NULL,
  entities TEXT NOT NULL,           -- JSON array of [kind, text, value]
  items TEXT NOT NULL               -- JSON array of strings
) STRICT;

CREATE TABLE sentences (
  n INTEGER PRIMARY KEY,            -- in writing order: a surrogate, not stable across builds
  statement INTEGER NOT NULL REFERENCES statements(n) ON DELETE CASCADE,
  id TEXT NOT NULL,                 -- s1/n4/1 …
  paragraph TEXT NOT NULL,
  paragraph_label TEXT NOT NULL,
  ordinal INTEGER NOT NULL,         -- 1-based within its paragraph
  text INTEGER NOT NULL REFERENCES texts(n),
  commitment INTEGER REFERENCES commitments(n),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  line INTEGER NOT NULL,
  "column" INTEGER NOT NULL,
  page INTEGER,
  page_line INTEGER,
  lineage_id TEXT,                  -- the lineage of its series this sentence belongs to
  UNIQUE (statement, id)
) STRICT;
CREATE INDEX sentences_text ON sentences(text);
CREATE INDEX sentences_commitment ON sentences(commitment);
CREATE INDEX sentences_lineage ON sentences(lineage_id);

CREATE TABLE lineages (
  series_id TEXT NOT NULL REFERENCES series(id) ON DELETE CASCADE,
  id TEXT NOT NULL,                 -- L + 7 hex digits, as in series.json
  label TEXT NOT NULL,
  standing INTEGER NOT NULL,
  is_context INTEGER NOT NULL,
  PRIMARY KEY (series_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX lineages_id ON lineages(id);

CREATE TABLE lineage_rounds (
  series_id TEXT NOT NULL,
  lineage_id TEXT NOT NULL,
  round_index INTEGER NOT NULL,     -- with series_id, the round's row of statements
  status TEXT NOT NULL CHECK (status IN ('new', 'present', 'changed', 'dropped', 'revived')),
  score REAL,                       -- of the alignment that carried it into this round (NULL when dropped)
  PRIMARY KEY (series_id, lineage_id, round_index),
  FOREIGN KEY (series_id, lineage_id) REFERENCES lineages(series_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE changes (
  after_statement INTEGER NOT NULL REFERENCES statements(n) ON DELETE CASCADE,
  id TEXT NOT NULL,                 -- the change id of the comparison (c1, c2 …)
  before_statement INTEGER NOT NULL,
  series_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  significance INTEGER NOT NULL,
  is_context INTEGER NOT NULL,
  actor TEXT,                       -- of the after side, else the before side
  lineage_id TEXT,
  before_text TEXT,
  after_text TEXT,
  before_paragraph TEXT,
  after_paragraph TEXT,
  reasons TEXT NOT NULL,            -- JSON array of strings
  qualifiers TEXT NOT NULL,         -- JSON array, as in comparison JSON
  edits TEXT NOT NULL,              -- JSON array of {op, text}; [] for new and dropped (the text is the edit)
  matched_by TEXT NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (after_statement, id)
) STRICT;
CREATE INDEX changes_actor_kind ON changes(actor, kind);

CREATE VIRTUAL TABLE texts_fts USING fts5(
  text, content = 'texts', content_rowid = 'n', tokenize = 'porter unicode61'
);
CREATE TRIGGER texts_fts_insert AFTER INSERT ON texts BEGIN
  INSERT INTO texts_fts (rowid, text) VALUES (new.n, new.text);
END;
CREATE TRIGGER texts_fts_delete AFTER DELETE ON texts BEGIN
  INSERT INTO texts_fts (texts_fts, rowid, text) VALUES ('delete', old.n, old.text);
END;

-- Every sentence with its wording and its commitment: what one row of a round says.
CREATE VIEW sentence_texts AS
SELECT s.n, st.series_id, st.round_index, st.date, st.file, s.id, s.paragraph_label, s.line,
       t.text, c.actor, c.act, c.family, c.action, c.role, c.strength, c.is_context, s.lineage_id
FROM sentences s
JOIN statements st ON st.n = s.statement
JOIN texts t ON t.n = s.text
LEFT JOIN commitments c ON c.n = s.commitment;

-- One commitment across every round of its series: status and wording per round.
CREATE VIEW commitment_history AS
SELECT lr.series_id, lr.lineage_id, l.label, lr.round_index, st.date, st.file, lr.status,
       (SELECT s.paragraph_label FROM sentences s
          WHERE s.lineage_id = lr.lineage_id AND s.statement = st.n ORDER BY s.n LIMIT 1) AS paragraph,
       (SELECT s.line FROM sentences s
          WHERE s.lineage_id = lr.lineage_id AND s.statement = st.n ORDER BY s.n LIMIT 1) AS line,
       (SELECT group_concat(w.text, ' ') FROM (SELECT t.text FROM sentences s JOIN texts t ON t.n = s.text
          WHERE s.lineage_id = lr.lineage_id AND s.statement = st.n ORDER BY s.n) w) AS text
FROM lineage_rounds lr
JOIN lineages l ON l.series_id = lr.series_id AND l.id = lr.lineage_id
JOIN statements st ON st.series_id = lr.series_id AND st.round_index = lr.round_index;

-- Changes by actor and kind, with the date of the round they appear in.
CREATE VIEW changes_by_actor AS
SELECT c.series_id, c.actor, c.kind, s.date, c.significance, c.lineage_id,
       COALESCE(c.after_text, c.before_text) AS text, c.qualifiers
FROM changes c
JOIN statements s ON s.n = c.after_statement;
`;
/** The tables, in an order that respects the foreign keys (for exports and checks). */
export const ARCHIVE_TABLES = [
  'series',
  'statements',
  'sections',
  'paragraphs',
  'texts',
  'commitments',
  'sentences',
  'lineages',
  'lineage_rounds',
  'changes',
] as const;
