/**
 * Opens the archive database, refusing a file that is not one of ours before SQLite touches it:
 * not SQLite at all, damaged, another application's database, or a newer schema. Readers open it
 * read-only (and `query_only`), so no query can change it.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../model/errors.js';
import { ARCHIVE_APPLICATION_ID, ARCHIVE_DDL, ARCHIVE_SCHEMA_VERSION } from './schema.js';

export type Database = BetterSqlite3.Database;

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = 'SQLite format 3\0';

/** How long a writer waits for another one to finish a series, in milliseconds. */
export const BUSY_TIMEOUT_MS = 120_000;

function databaseError(file: string, message: string, expected: string): UserError {
  return new UserError('E_DB', message, { location: { file }, expected });
}

/** better-sqlite3, loaded on the first database command (it is a native module). */
function driver(): typeof BetterSqlite3 {
  const require = createRequire(import.meta.url);
  return require('better-sqlite3') as typeof BetterSqlite3;
}

/** Refuses `file` unless it starts as a SQLite database does (an empty file is a new one). */
function checkHeader(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw databaseError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'a readable statement-diff archive database',
    );
  }
  try {
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    if (read === 0) return;
    if (head.subarray(0, read).toString('latin1') !== SQLITE_HEADER)
      throw databaseError(
        file,
        'is not a SQLite database',
        'a statement-diff archive database (made by `statement-diff index`)',
      );
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that an open database is an archive of ours in a schema this code reads; a writer
 * (`forWriting`) also takes an empty database and one of an older schema, which it rebuilds.
 */
function checkSchema(db: Database, file: string, forWriting: boolean): 'ours' | 'empty' | 'older' {
  let application: number;
  let version: number;
  let tables: number;
  try {
    application = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    tables = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  } catch (error) {
    throw databaseError(
      file,
      `is damaged (${(error as Error).message})`,
      'a statement-diff archive database (rebuild it with `statement-diff index`)',
    );
  }
  if (application === 0 && version === 0 && tables === 0) {
    if (forWriting) return 'empty';
    throw databaseError(file, 'is an empty database', 'an archive made by `statement-diff index`');
  }
  if (application !== ARCHIVE_APPLICATION_ID)
    throw databaseError(
      file,
      "is another application's SQLite database",
      'a statement-diff archive database (give another --db)',
    );
  if (forWriting && version >= 1 && version < ARCHIVE_SCHEMA_VERSION) return 'older';
  if (version !== ARCHIVE_SCHEMA_VERSION)
    throw databaseError(
      file,
      `has schema version ${version}, this statement-diff reads ${ARCHIVE_SCHEMA_VERSION}`,
      'an archive made by this version (rebuild it with `statement-diff index --rebuild`)',
    );
  return 'ours';
}

/**
 * Drops every table, view and trigger (the archive of an older schema, before a rebuild); run
 * with foreign keys off, so that no table's rows are deleted one by one first.
 */
function dropEverything(db: Database): void {
  const objects = db
    .prepare(
      "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger', 'table') AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table', name",
    )
    .all() as { type: string; name: string }[];
  for (const { type, name } of objects) {
    // The FTS5 shadow tables go with their virtual table.
    if (type === 'table' && !db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(name))
      continue;
    db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name.replaceAll('"', '""')}"`);
  }
}

/** Opens (creating when missing) the archive at `file` for indexing. */
export function openForWriting(file: string): Database {
  if (existsSync(file)) {
    if (statSync(file).isDirectory())
      throw databaseError(file, 'is a directory', 'a database file path');
    checkHeader(file);
  }
  const Sqlite = driver();
  let db: Database;
  try {
    db = new Sqlite(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw databaseError(file, `cannot be opened (${(error as Error).message})`, 'a writable path');
  }
  try {
    const state = checkSchema(db, file, true);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    if (state !== 'ours') {
      db.transaction(() => {
        // An archive of an older schema is derived data: dropped and written again in full.
        if (state === 'older') dropEverything(db);
        db.exec(ARCHIVE_DDL);
        db.pragma(`application_id = ${ARCHIVE_APPLICATION_ID}`);
        db.pragma(`user_version = ${ARCHIVE_SCHEMA_VERSION}`);
      }).immediate();
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens an existing archive at `file` read-only, for queries. */
export function openForReading(file: string): Database {
  if (!existsSync(file))
    throw new UserError('E_DB', 'no such database', {
      location: { file },
      expected: 'an archive made by `statement-diff index` (or give --db)',
    });
  if (statSync(file).isDirectory())
    throw databaseError(file, 'is a directory', 'a database file path');
  checkHeader(file);
  const Sqlite = driver();
  let db: Database;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw databaseError(file, `cannot be opened (${(error as Error).message})`, 'a readable file');
  }
  try {
    checkSchema(db, file, false);
    db.pragma('query_only = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs `work` on the database at `file`, turning SQLite's word that the file is damaged (found
 * only when a damaged page is read) into the user error it is.
 */
export function withDatabase<T>(
  file: string,
  open: (file: string) => Database,
  work: (db: Database) => T,
): T {
  const db = open(file);
  try {
    return work(db);
  } catch (error) {
    throw asDamaged(file, error);
  } finally {
    db.close();
  }
}

/** `error` as the `E_DB` user error when SQLite says the file at `file` is damaged; else unchanged. */
export function asDamaged(file: string, error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return databaseError(
      file,
      `is damaged (${(error as Error).message})`,
      'a statement-diff archive database (delete it and run `statement-diff index` again)',
    );
  return error;
}
