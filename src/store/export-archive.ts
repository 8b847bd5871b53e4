/**
 * Exports every table of the archive database to one file each (CSV with a header, or JSON
 * Lines), rows in primary-key order and columns in schema order, for DuckDB, pandas, R.
 */
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { writeAtomic } from '../archive/write-atomic.js';
import type { Database } from './open-database.js';
import { ARCHIVE_TABLES } from './schema.js';

/** Export formats. */
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The primary key of each table, which orders its rows. */
const ORDER: Readonly<Record<(typeof ARCHIVE_TABLES)[number], string>> = {
  series: 'id',
  statements: 'series_id, round_index',
  sections: 'statement, id',
  paragraphs: 'statement, id',
  sentences: 'statement, id',
  texts: 'n',
  commitments: 'n',
  lineages: 'series_id, id',
  lineage_rounds: 'series_id, lineage_id, round_index',
  changes: 'after_statement, id',
};

/** Writes `<table>.<format>` for every table into `outDir`; returns the files and their row counts. */
export function exportArchive(
  db: Database,
  outDir: string,
  format: ExportFormat,
): { file: string; rows: number }[] {
  const written: { file: string; rows: number }[] = [];
  for (const table of ARCHIVE_TABLES) {
    const columns = (
      db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as {
        name: string;
      }[]
    ).map((c) => c.name);
    const rows = db
      .prepare(`SELECT * FROM ${table} ORDER BY ${ORDER[table]}`)
      .raw(true)
      .all() as unknown[][];
    const file = join(outDir, `${table}.${format}`);
    const text =
      format === 'csv'
        ? stringify([columns, ...rows], { cast: { number: (n) => String(n) } })
        : rows
            .map(
              (r) =>
                `${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])))}\n`,
            )
            .join('');
    writeAtomic(file, text);
    written.push({ file, rows: rows.length });
  }
  return written;
}
