/** `statement-diff export --out DIR`: one file per table of the archive database. */
import type { Command } from '../command.js';
import { EXIT_SAME } from '../exit-codes.js';
import { DEFAULT_DB } from './index-archive.js';

export const exportCommand: Command = {
  command: 'export',
  describe: 'Export every table of the archive database as CSV or JSON Lines',
  builder: (yargs) =>
    yargs
      .option('db', {
        type: 'string',
        default: DEFAULT_DB,
        describe: 'The database (statement-diff index)',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        demandOption: true,
        describe: 'The folder to write',
      })
      .option('format', {
        alias: 'f',
        type: 'string',
        choices: ['csv', 'jsonl'],
        default: 'csv',
        describe: 'File format',
      })
      .example('$0 export --out exports', 'exports/series.csv, statements.csv … changes.csv')
      .example('$0 export --out exports --format jsonl', 'The same as JSON Lines'),
  execute: async (args, io) => {
    const { openForReading, withDatabase } = await import('../../store/open-database.js');
    const { exportArchive } = await import('../../store/export-archive.js');
    const { checkWritable } = await import('../../archive/write-atomic.js');
    const out = String(args['out']);
    checkWritable(`${out}/series.csv`);
    return withDatabase(String(args['db']), openForReading, (db) => {
      const files = exportArchive(db, out, args['format'] as 'csv' | 'jsonl');
      io.stdout(
        `statement-diff: ${files.length} tables, ${files.reduce((n, f) => n + f.rows, 0)} rows → ${out}/\n`,
      );
      return EXIT_SAME;
    });
  },
};
